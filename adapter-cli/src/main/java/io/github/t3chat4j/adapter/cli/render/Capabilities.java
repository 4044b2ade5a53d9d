package io.github.t3chat4j.adapter.cli.render;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the terminal on standard output can show: colour and text attributes (off with {@code NO_COLOR}),
 * OSC 8 hyperlinks, and OSC 52 clipboard writes. Hyperlinks and the clipboard are known from the
 * terminal's own variables ({@code TERM_PROGRAM}, {@code TERM}, {@code VTE_VERSION}, {@code WT_SESSION},
 * …); {@code T3_HYPERLINKS} and {@code T3_CLIPBOARD} ({@code true} or {@code false}) override the guess.
 */
public record Capabilities(boolean colour, boolean hyperlinks, boolean clipboard) {

    /** Layout only: no colour, no hyperlinks, no clipboard. */
    public static final Capabilities PLAIN = new Capabilities(false, false, false);

    /** The capabilities of the terminal described by {@code env}, with colour as the caller decided. */
    public static Capabilities detect(Map<String, String> env, boolean colour) {
        String program = env.getOrDefault("TERM_PROGRAM", "");
        String term = env.getOrDefault("TERM", "");
        boolean insideMultiplexer = env.containsKey("TMUX") || term.startsWith("screen") || term.startsWith("tmux");
        // Terminals that accept both OSC 8 and OSC 52 out of the box.
        boolean modern = env.containsKey("WT_SESSION") || env.containsKey("KITTY_WINDOW_ID")
                || term.contains("kitty") || term.contains("wezterm") || term.contains("ghostty")
                || term.contains("alacritty") || term.startsWith("foot")
                || program.equals("WezTerm") || program.equals("ghostty");
        boolean links = !insideMultiplexer && (modern || program.equals("vscode") || program.equals("iTerm.app")
                || number(env.get("VTE_VERSION")).map(v -> v >= 5000).orElse(false)
                || env.containsKey("KONSOLE_VERSION"));
        boolean clipboard = !insideMultiplexer && modern;
        return new Capabilities(colour,
                flag(env.get("T3_HYPERLINKS")).orElse(links),
                flag(env.get("T3_CLIPBOARD")).orElse(clipboard));
    }

    private static Optional<Boolean> flag(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return Optional.of(v.equals("true") || v.equals("1") || v.equals("yes") || v.equals("on"));
    }

    private static Optional<Integer> number(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
