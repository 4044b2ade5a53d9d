package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.cli.render.Capabilities;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * How replies are shown: rendered as Markdown when standard output is a terminal (not {@code TERM=dumb})
 * and neither {@code --no-render} nor {@code T3_RENDER=false} says otherwise; as the model wrote them
 * (pipes, files) otherwise. {@code NO_COLOR} keeps the layout and drops colour. A picocli mixin for the
 * {@code --no-render} option of {@code ask} and {@code chat}.
 */
final class ReplyRendering {

    private static final Set<String> OFF = Set.of("false", "0", "no", "off");

    @Option(names = "--no-render", description = "Print replies as the model wrote them (Markdown source) instead"
            + " of rendering them on the terminal (T3_RENDER=false).")
    boolean noRender;

    /** The option as a setting for {@link ConfigResolver#resolve}. */
    Map<String, String> flags() {
        return noRender ? Map.of(Settings.RENDER, "false") : Map.of();
    }

    /** Whether replies are rendered, for this context and these settings. */
    static boolean rendered(CliContext context, Settings resolved) {
        return context.stdoutIsTerminal() && !"dumb".equals(context.terminalVariables().get("TERM"))
                && resolved.get(Settings.RENDER).map(v -> !OFF.contains(v.strip().toLowerCase(Locale.ROOT)))
                        .orElse(true);
    }

    /** What the terminal on standard output can show; colour as {@link CliContext#colour()} decides. */
    static Capabilities capabilities(CliContext context) {
        return Capabilities.detect(context.terminalVariables(), context.colour());
    }

    /**
     * The renderer of one reply.
     *
     * @param render whether to render (see {@link #rendered})
     * @param reasoningOut where reasoning goes, or null to drop it
     * @param reasoningOnTerminal whether {@code reasoningOut} is a terminal (reasoning is rendered there too)
     * @param colour whether the unrendered output may dim the reasoning
     * @param raw whether the reply goes out exactly as it came (then it is never rendered)
     */
    static ReplyRenderer renderer(boolean render, CliContext context, PrintWriter out, PrintWriter reasoningOut,
            boolean reasoningOnTerminal, boolean colour, MarkdownReplyRenderer.Screen screen, boolean raw) {
        requireNonNull(context, "context == null");
        if (!render || raw) {
            return new EventRenderer(out, reasoningOut, colour, raw);
        }
        return new MarkdownReplyRenderer(out, reasoningOut, reasoningOnTerminal, capabilities(context), screen);
    }
}
