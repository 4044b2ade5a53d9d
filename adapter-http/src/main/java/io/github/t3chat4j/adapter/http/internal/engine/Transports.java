package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.internal.browser.BrowserExecutables;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The transports this machine has, in the order a fallback tries them when t3.chat's checkpoint turns
 * one away: the JVM's client (always), a curl-impersonate wrapper that imitates Chrome's handshake
 * ({@code curl_chrome131} and the like, the newest on the {@code PATH}), then a real browser (Chrome,
 * Chromium, Edge or Brave). Plain curl is not among them: the checkpoint turns it away as it does the JVM.
 */
public final class Transports {

    private static final Pattern IMPERSONATING_CURL = Pattern.compile("curl_chrome(\\d+)");

    /**
     * One transport: its name (as messages and the remembered setting say it), its engine kind, and for
     * curl the program to run.
     */
    public record Choice(String name, Engines.Kind kind, String program) {
        public Choice {
            requireNonNull(name, "name == null");
            requireNonNull(kind, "kind == null");
            requireNonNull(program, "program == null");
        }

        /** The JVM's client. */
        public static final Choice JAVA = new Choice("java", Engines.Kind.JAVA, "");
        /** A real browser. */
        public static final Choice BROWSER = new Choice("browser", Engines.Kind.BROWSER, "");

        /** The curl engine running {@code program}, named as the program is ({@code curl}, {@code curl_chrome131}). */
        public static Choice curl(String program) {
            return new Choice(CurlEngine.name(program), Engines.Kind.CURL, program);
        }

        /** The options of this transport's engine. */
        public EngineOptions options(EngineOptions base) {
            return kind == Engines.Kind.CURL ? base.withCurl(program) : base;
        }
    }

    private Transports() {
    }

    /** What this machine has, in fallback order. */
    public static List<Choice> available(EngineOptions options, Map<String, String> environment) {
        List<Choice> choices = new ArrayList<>();
        choices.add(Choice.JAVA);
        impersonatingCurl(environment).ifPresent(curl -> choices.add(Choice.curl(curl.toString())));
        if (BrowserExecutables.of(environment).find(options.browser()).isPresent()) {
            choices.add(Choice.BROWSER);
        }
        return List.copyOf(choices);
    }

    /** The order a fallback that starts with {@code first} tries: {@code first}, then the rest of {@code available}. */
    public static List<Choice> startingWith(Choice first, List<Choice> available) {
        List<Choice> order = new ArrayList<>();
        order.add(first);
        available.stream().filter(c -> !c.name().equals(first.name())).forEach(order::add);
        return List.copyOf(order);
    }

    /** The newest {@code curl_chromeNNN} on the {@code PATH}, if any. */
    public static Optional<Path> impersonatingCurl(Map<String, String> environment) {
        Path best = null;
        int bestVersion = -1;
        for (String folder : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (folder.isBlank() || !Files.isDirectory(Path.of(folder))) {
                continue;
            }
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                    Matcher m = IMPERSONATING_CURL.matcher(file.getFileName().toString());
                    if (m.matches() && Files.isExecutable(file) && Integer.parseInt(m.group(1)) > bestVersion) {
                        best = file;
                        bestVersion = Integer.parseInt(m.group(1));
                    }
                }
            } catch (IOException | NumberFormatException | SecurityException unreadable) {
                // A folder we cannot list holds nothing we can run.
            }
        }
        return Optional.ofNullable(best);
    }
}
