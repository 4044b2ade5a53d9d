package io.github.t3chat4j.adapter.http.internal.browser;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.browser.Browser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the Chromium-family browsers a user may have are installed, by the names {@code t3 login
 * --from-browser} takes ({@code chrome}, {@code chromium}, {@code edge}, {@code brave}): their programs on
 * the {@code PATH} on Linux, their application bundles on macOS. A name with a slash is a path to the
 * program itself. Windows is not supported: the engine reaches the browser through named pipes.
 */
public final class BrowserExecutables {

    /** The browsers tried when none is named, in this order: Google Chrome's fingerprint is the most common. */
    static final List<Browser> ORDER = List.of(Browser.CHROME, Browser.CHROMIUM, Browser.EDGE, Browser.BRAVE);

    /** A browser program found on this machine. */
    public record Found(String name, Path program) {
        public Found {
            requireNonNull(name, "name == null");
            requireNonNull(program, "program == null");
        }
    }

    private final Map<String, String> env;
    private final Path home;
    private final boolean mac;
    private final boolean windows;

    /** Looks where {@code env} ({@code PATH}, {@code HOME}) and the operating system {@code osName} say. */
    public BrowserExecutables(Map<String, String> env, String osName) {
        this.env = Map.copyOf(requireNonNull(env, "env == null"));
        String os = requireNonNull(osName, "osName == null").toLowerCase(Locale.ROOT);
        this.mac = os.startsWith("mac") || os.startsWith("darwin");
        this.windows = os.startsWith("windows");
        this.home = Path.of(this.env.getOrDefault("HOME", System.getProperty("user.home", "/")));
    }

    /** This machine, as {@code env} and the JVM describe it. */
    public static BrowserExecutables of(Map<String, String> env) {
        return new BrowserExecutables(env, System.getProperty("os.name", ""));
    }

    /**
     * The browser {@code wanted} names (a name, or a path to its program), or without one the first of
     * {@link #ORDER} installed here.
     */
    public Optional<Found> find(Optional<String> wanted) {
        if (windows) {
            return Optional.empty();
        }
        if (wanted.isPresent() && !wanted.get().isBlank()) {
            String spec = wanted.get().strip();
            if (spec.contains("/") || spec.contains(File.separator)) {
                Path program = Path.of(spec);
                return Files.isExecutable(program) && !Files.isDirectory(program)
                        ? Optional.of(new Found(program.getFileName().toString(), program)) : Optional.empty();
            }
            Optional<Browser> browser = Browser.byName(spec).filter(b -> b.family() == Browser.Family.CHROMIUM);
            if (browser.isEmpty()) {
                return onPath(spec).map(p -> new Found(spec, p));
            }
            return locate(browser.get());
        }
        for (Browser browser : ORDER) {
            Optional<Found> found = locate(browser);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** What {@link #find} looks for, for messages. */
    public String lookedFor(Optional<String> wanted) {
        if (windows) {
            return "the browser transport needs Linux or macOS";
        }
        if (wanted.isPresent() && !wanted.get().isBlank()) {
            return "no browser program '" + wanted.get().strip() + "' here";
        }
        return "no Google Chrome, Chromium, Microsoft Edge or Brave here (looked for "
                + String.join(", ", ORDER.stream().flatMap(b -> candidates(b).stream()).toList()) + ")";
    }

    private Optional<Found> locate(Browser browser) {
        for (String candidate : candidates(browser)) {
            Optional<Path> program = candidate.startsWith("/") ? executable(Path.of(candidate)) : onPath(candidate);
            if (program.isPresent()) {
                return Optional.of(new Found(browser.id(), program.get()));
            }
        }
        return Optional.empty();
    }

    /** The program names (on the {@code PATH}) or paths where {@code browser} may be. */
    List<String> candidates(Browser browser) {
        List<String> names = new ArrayList<>();
        if (mac) {
            String bundle = switch (browser) {
                case CHROME -> "Google Chrome";
                case EDGE -> "Microsoft Edge";
                case BRAVE -> "Brave Browser";
                default -> "Chromium";
            };
            String program = bundle + ".app/Contents/MacOS/" + bundle;
            names.add("/Applications/" + program);
            names.add(home.resolve("Applications").resolve(program).toString());
            return names;
        }
        switch (browser) {
            case CHROME -> names.addAll(List.of("google-chrome", "google-chrome-stable", "chrome"));
            case EDGE -> names.addAll(List.of("microsoft-edge", "microsoft-edge-stable"));
            case BRAVE -> names.addAll(List.of("brave-browser", "brave"));
            default -> names.addAll(List.of("chromium", "chromium-browser", "/snap/bin/chromium"));
        }
        return names;
    }

    private Optional<Path> onPath(String name) {
        for (String folder : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isBlank()) {
                Optional<Path> program = executable(Path.of(folder, name));
                if (program.isPresent()) {
                    return program;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> executable(Path path) {
        return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }
}
