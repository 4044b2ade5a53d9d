package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the storage adapter keeps its files: {@code dataDir} holds {@code conversations/} and
 * {@code images/}, {@code configDir} the config file, {@code cacheDir} the model catalogue cache and the
 * conversations' search index, and
 * {@code stateDir} the input history (which a line editor writes itself). Paths are made absolute and
 * normalised; nothing is created until something is written. Immutable; made from the environment
 * ({@link #fromEnvironment(Map)}) or around one folder ({@link #StorageConfig(Path)}).
 */
public final class StorageConfig {

    /** The name of the config file in {@link #configDir()}. */
    public static final String CONFIG_FILE = "config.properties";
    /** The name of the model catalogue cache in {@link #cacheDir()}. */
    public static final String CATALOG_CACHE_FILE = "model-catalog.json";
    /** The name of the input history in {@link #stateDir()}. */
    public static final String INPUT_HISTORY_FILE = "history";

    private final Path dataDir;
    private final Path configDir;
    private final Path cacheDir;
    private final Path stateDir;

    /** The four folders as given (for this package's tests and {@link #of(XdgDirectories)}). */
    StorageConfig(Path dataDir, Path configDir, Path cacheDir, Path stateDir) {
        this.dataDir = normalised(dataDir, "dataDir");
        this.configDir = normalised(configDir, "configDir");
        this.cacheDir = normalised(cacheDir, "cacheDir");
        this.stateDir = normalised(stateDir, "stateDir");
    }

    /**
     * Everything under one folder, for embedders and tests: conversations and images directly in
     * {@code folder}, and {@code config/}, {@code cache/} and {@code state/} beside them.
     *
     * @param folder the folder
     */
    public StorageConfig(Path folder) {
        this(folder, requireNonNull(folder, "folder == null").resolve("config"), folder.resolve("cache"),
                folder.resolve("state"));
    }

    /** The folders {@code dirs} names. */
    static StorageConfig of(XdgDirectories dirs) {
        requireNonNull(dirs, "dirs == null");
        return new StorageConfig(dirs.dataDir(), dirs.configDir(), dirs.cacheDir(), dirs.stateDir());
    }

    /**
     * The XDG folders named by {@code env}: {@code XDG_DATA_HOME}, {@code XDG_CONFIG_HOME},
     * {@code XDG_CACHE_HOME} and {@code XDG_STATE_HOME} (each under {@code t3chat4j/}), else their defaults
     * under {@code HOME} ({@code ~/.local/share}, {@code ~/.config}, {@code ~/.cache}, {@code ~/.local/state}).
     *
     * @param env the variables (usually the process environment)
     * @return the folders
     * @throws IllegalArgumentException naming the variables to set, when a folder cannot be found
     */
    public static StorageConfig fromEnvironment(Map<String, String> env) {
        return of(XdgDirectories.fromEnvironment(env));
    }

    /**
     * The variant for demo runs: conversations and images under {@code <dataDir>/demo} and the catalogue
     * cache under {@code <cacheDir>/demo}, so a demo never mixes with real ones; the config file and the
     * state folder are the same.
     *
     * @return the demo's folders
     */
    public StorageConfig demo() {
        return new StorageConfig(dataDir.resolve("demo"), configDir, cacheDir.resolve("demo"), stateDir);
    }

    /** @return where conversations are stored, one {@code <threadId>.json} each */
    public Path conversationsDir() {
        return dataDir.resolve("conversations");
    }

    /** @return where images go when no explicit path is given */
    public Path imagesDir() {
        return dataDir.resolve("images");
    }

    /** @return the user's settings, login included: {@code <configDir>/config.properties} */
    public Path configFile() {
        return configDir.resolve(CONFIG_FILE);
    }

    /** @return the last model catalogue read from the site: {@code <cacheDir>/model-catalog.json} */
    public Path catalogCacheFile() {
        return cacheDir.resolve(CATALOG_CACHE_FILE);
    }

    /**
     * @return the conversations' search index (derived from the conversation files, rebuilt from them
     *     whenever it is missing): {@code <cacheDir>/search/}
     */
    public Path searchIndexDir() {
        return cacheDir.resolve("search");
    }

    /** @return the command-line input history: {@code <stateDir>/history} */
    public Path inputHistoryFile() {
        return stateDir.resolve(INPUT_HISTORY_FILE);
    }

    /** @return where conversations and images go */
    public Path dataDir() {
        return dataDir;
    }

    /** @return where the config file is */
    public Path configDir() {
        return configDir;
    }

    /** @return where the model catalogue cache is */
    public Path cacheDir() {
        return cacheDir;
    }

    /** @return where the input history is */
    public Path stateDir() {
        return stateDir;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorageConfig other && other.dataDir.equals(dataDir) && other.configDir.equals(configDir)
                && other.cacheDir.equals(cacheDir) && other.stateDir.equals(stateDir);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(dataDir, configDir, cacheDir, stateDir);
    }

    @Override
    public String toString() {
        return "StorageConfig[data=" + dataDir + ", config=" + configDir + ", cache=" + cacheDir + ", state="
                + stateDir + "]";
    }

    private static Path normalised(Path path, String name) {
        return requireNonNull(path, name + " == null").toAbsolutePath().normalize();
    }
}
