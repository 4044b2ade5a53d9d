package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Resolves {@link Settings}, highest first: command-line flags; the environment; a {@code .env} file in
 * the working folder ({@code KEY=VALUE} lines, {@code #} comments, optional quotes); and
 * {@code $XDG_CONFIG_HOME/t3chat4j/config.properties} (default {@code ~/.config/t3chat4j/config.properties}).
 * Also writes the config file, owner-only and atomically.
 */
final class ConfigResolver {

    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

    private final CliContext context;

    ConfigResolver(CliContext context) {
        this.context = requireNonNull(context, "context == null");
    }

    /** The settings, with {@code flags} (key to value; null values are ignored) winning over everything. */
    Settings resolve(Map<String, String> flags) {
        Map<String, Settings.Value> values = new LinkedHashMap<>();
        put(values, readConfigFile(), Settings.Source.CONFIG_FILE);
        put(values, readDotEnv(), Settings.Source.DOTENV);
        Map<String, String> env = new HashMap<>();
        for (String key : Settings.KEYS) {
            context.env(key).ifPresent(v -> env.put(key, v));
        }
        put(values, env, Settings.Source.ENVIRONMENT);
        put(values, flags, Settings.Source.FLAG);
        return new Settings(values);
    }

    private static void put(Map<String, Settings.Value> into, Map<String, String> from, Settings.Source source) {
        from.forEach((key, value) -> {
            if (Settings.KEYS.contains(key) && value != null && !value.isBlank()) {
                into.put(key, new Settings.Value(key, value, source));
            }
        });
    }

    /** {@code $XDG_CONFIG_HOME/t3chat4j/config.properties}, or under {@code ~/.config}. */
    Path configFile() {
        Path base = context.env("XDG_CONFIG_HOME").map(Path::of).orElseGet(() -> context.home().resolve(".config"));
        return base.resolve("t3chat4j").resolve("config.properties");
    }

    /** The REPL's history file: under {@code $XDG_STATE_HOME}, else {@code $XDG_DATA_HOME}, else ~/.local/state. */
    Path historyFile() {
        Path base = context.env("XDG_STATE_HOME").map(Path::of)
                .or(() -> context.env("XDG_DATA_HOME").map(Path::of))
                .orElseGet(() -> context.home().resolve(".local").resolve("state"));
        return base.resolve("t3chat4j").resolve("history");
    }

    Path dotEnvFile() {
        return context.workingDir().resolve(".env");
    }

    Map<String, String> readConfigFile() {
        Path file = configFile();
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        return values;
    }

    Map<String, String> readDotEnv() {
        Path file = dotEnvFile();
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return parseDotEnv(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** Parses {@code KEY=VALUE} lines; skips blanks and {@code #} comments; strips matching quotes and {@code export }. */
    static Map<String, String> parseDotEnv(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int comment = value.indexOf(" #");
                if (comment >= 0) {
                    value = value.substring(0, comment).strip();
                }
            }
            values.put(key, value);
        }
        return values;
    }

    /**
     * Merges {@code changes} into the config file (a null value removes the key), writing a temp file
     * with owner-only permissions next to it and moving it into place.
     */
    void updateConfigFile(Map<String, String> changes) {
        Path file = configFile();
        Path dir = file.getParent();
        Map<String, String> current = new HashMap<>(readConfigFile());
        changes.forEach((k, v) -> {
            if (v == null) {
                current.remove(k);
            } else {
                current.put(k, v);
            }
        });
        Properties properties = new Properties();
        properties.putAll(current);
        Path temp = dir.resolve(".config.properties." + ProcessHandle.current().pid() + ".tmp");
        try {
            createPrivateDirectories(dir);
            Files.deleteIfExists(temp);
            if (isPosix(dir)) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS));
            } else {
                Files.createFile(temp);
            }
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(writer, "t3chat4j settings, written by t3 login; keep this file private");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                // The temporary file holds the cookie: never leave it behind.
                Files.deleteIfExists(temp);
            } catch (IOException cleanupFailed) {
                e.addSuppressed(cleanupFailed);
            }
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (isPosix(parent == null ? dir.getRoot() : parent)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_PERMISSIONS));
            Files.setPosixFilePermissions(dir, DIR_PERMISSIONS);
        } else {
            Files.createDirectory(dir);
        }
    }

    private static boolean isPosix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
