package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of the storage adapter: {@code dataDir} is t3chat4j's own data folder, holding
 * {@code conversations/} and {@code images/}.
 */
public record StorageConfig(Path dataDir) {

    public StorageConfig {
        requireNonNull(dataDir, "dataDir == null");
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /**
     * {@code $XDG_DATA_HOME/t3chat4j} when that variable holds an absolute path (the XDG spec says to
     * ignore a relative one), else {@code $HOME/.local/share/t3chat4j}.
     *
     * @throws IllegalArgumentException when neither variable is usable
     */
    public static StorageConfig fromEnvironment(Map<String, String> env) {
        requireNonNull(env, "env == null");
        String xdg = env.getOrDefault("XDG_DATA_HOME", "").strip();
        if (!xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return new StorageConfig(Path.of(xdg, "t3chat4j"));
        }
        String home = env.getOrDefault("HOME", "").strip();
        if (home.isEmpty()) {
            throw new IllegalArgumentException(
                    "Cannot find a data folder: set XDG_DATA_HOME or HOME, or pass a StorageConfig with a folder.");
        }
        return new StorageConfig(Path.of(home, ".local", "share", "t3chat4j"));
    }

    /** Where conversations are stored, one {@code <threadId>.json} each. */
    public Path conversationsDir() {
        return dataDir.resolve("conversations");
    }

    /** Where images go when no explicit path is given. */
    public Path imagesDir() {
        return dataDir.resolve("images");
    }
}
