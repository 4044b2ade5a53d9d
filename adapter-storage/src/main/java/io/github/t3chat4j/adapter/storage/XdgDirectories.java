package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * t3chat4j's folders by the XDG Base Directory conventions: each is {@code $XDG_<KIND>_HOME/t3chat4j}
 * when that variable holds an absolute path (the spec says to ignore a relative one), else the spec's
 * default under {@code $HOME} ({@code .local/share}, {@code .config}, {@code .cache}, {@code .local/state}).
 * Resolves names only; nothing is created.
 *
 * @see <a href="https://specifications.freedesktop.org/basedir-spec/latest/">XDG Base Directory Specification</a>
 */
record XdgDirectories(Path dataDir, Path configDir, Path cacheDir, Path stateDir) {

    /** The name of t3chat4j's own folder inside each base folder. */
    public static final String APPLICATION = "t3chat4j";

    public XdgDirectories {
        dataDir = absolute(dataDir, "dataDir");
        configDir = absolute(configDir, "configDir");
        cacheDir = absolute(cacheDir, "cacheDir");
        stateDir = absolute(stateDir, "stateDir");
    }

    /**
     * The folders named by {@code env} (such as {@code System.getenv()}).
     *
     * @throws IllegalArgumentException naming the variables to set, when a folder has no absolute
     *     {@code XDG_*_HOME} and {@code HOME} is missing or not absolute either
     */
    public static XdgDirectories fromEnvironment(Map<String, String> env) {
        requireNonNull(env, "env == null");
        Optional<Path> home = absoluteValue(env, "HOME");
        List<Path> found = new ArrayList<>();
        List<Kind> missing = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            absoluteValue(env, kind.variable).or(() -> home.map(h -> h.resolve(kind.underHome)))
                    .ifPresentOrElse(base -> found.add(base.resolve(APPLICATION)), () -> missing.add(kind));
        }
        if (!missing.isEmpty()) {
            throw notFound(missing);
        }
        return new XdgDirectories(found.get(0), found.get(1), found.get(2), found.get(3));
    }

    private static Optional<Path> absoluteValue(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value.strip());
        return path.isAbsolute() ? Optional.of(path.normalize()) : Optional.empty();
    }

    private static IllegalArgumentException notFound(List<Kind> missing) {
        boolean one = missing.size() == 1;
        return new IllegalArgumentException("Cannot find t3chat4j's "
                + and(missing.stream().map(k -> k.label).toList()) + " folder" + (one ? "" : "s")
                + ": HOME is not set to an absolute path; set HOME, or "
                + and(missing.stream().map(k -> k.variable).toList()) + ", to "
                + (one ? "an absolute path." : "absolute paths."));
    }

    private static String and(List<String> words) {
        int last = words.size() - 1;
        return last == 0 ? words.get(0) : String.join(", ", words.subList(0, last)) + " and " + words.get(last);
    }

    private static Path absolute(Path path, String name) {
        requireNonNull(path, name + " == null");
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException(name + " must be an absolute path, got " + path);
        }
        return path.normalize();
    }

    /** The four base folders, in the order of the record's components. */
    private enum Kind {
        DATA("data", "XDG_DATA_HOME", ".local/share"),
        CONFIG("config", "XDG_CONFIG_HOME", ".config"),
        CACHE("cache", "XDG_CACHE_HOME", ".cache"),
        STATE("state", "XDG_STATE_HOME", ".local/state");

        private final String label;
        private final String variable;
        private final String underHome;

        Kind(String label, String variable, String underHome) {
            this.label = label;
            this.variable = variable;
            this.underHome = underHome;
        }
    }
}
