package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the storage adapter keeps its files: {@code dataDir} holds {@code conversations/} and
 * {@code images/}, {@code configDir} the config file, {@code cacheDir} the model catalogue cache and the
 * conversations' search index, and
 * {@code stateDir} the input history (which a line editor writes itself). Paths are made absolute and
 * normalised; nothing is created until something is written.
 */
public record StorageConfig(Path dataDir, Path configDir, Path cacheDir, Path stateDir) {

    /** The name of the config file in {@link #configDir()}. */
    public static final String CONFIG_FILE = "config.properties";
    /** The name of the model catalogue cache in {@link #cacheDir()}. */
    public static final String CATALOG_CACHE_FILE = "model-catalog.json";
    /** The name of the input history in {@link #stateDir()}. */
    public static final String INPUT_HISTORY_FILE = "history";

    public StorageConfig {
        dataDir = normalised(dataDir, "dataDir");
        configDir = normalised(configDir, "configDir");
        cacheDir = normalised(cacheDir, "cacheDir");
        stateDir = normalised(stateDir, "stateDir");
    }

    /**
     * Everything under one folder, for embedders and tests: conversations and images directly in
     * {@code folder}, and {@code config/}, {@code cache/} and {@code state/} beside them.
     */
    public StorageConfig(Path folder) {
        this(folder, requireNonNull(folder, "folder == null").resolve("config"), folder.resolve("cache"),
                folder.resolve("state"));
    }

    /** The folders {@code dirs} names. */
    public static StorageConfig of(XdgDirectories dirs) {
        requireNonNull(dirs, "dirs == null");
        return new StorageConfig(dirs.dataDir(), dirs.configDir(), dirs.cacheDir(), dirs.stateDir());
    }

    /**
     * The XDG folders named by {@code env}, as {@link XdgDirectories#fromEnvironment(Map)} resolves them.
     *
     * @throws IllegalArgumentException naming the variables to set, when a folder cannot be found
     */
    public static StorageConfig fromEnvironment(Map<String, String> env) {
        return of(XdgDirectories.fromEnvironment(env));
    }

    /**
     * The variant for demo runs: conversations and images under {@code <dataDir>/demo} and the catalogue
     * cache under {@code <cacheDir>/demo}, so a demo never mixes with real ones; the config file and the
     * state folder are the same.
     */
    public StorageConfig demo() {
        return new StorageConfig(dataDir.resolve("demo"), configDir, cacheDir.resolve("demo"), stateDir);
    }

    /** Where conversations are stored, one {@code <threadId>.json} each. */
    public Path conversationsDir() {
        return dataDir.resolve("conversations");
    }

    /** Where images go when no explicit path is given. */
    public Path imagesDir() {
        return dataDir.resolve("images");
    }

    /** The user's settings, login included: {@code <configDir>/config.properties}. */
    public Path configFile() {
        return configDir.resolve(CONFIG_FILE);
    }

    /** The last model catalogue read from the site: {@code <cacheDir>/model-catalog.json}. */
    public Path catalogCacheFile() {
        return cacheDir.resolve(CATALOG_CACHE_FILE);
    }

    /**
     * The conversations' search index (derived from the conversation files, rebuilt from them whenever it
     * is missing): {@code <cacheDir>/search/}.
     */
    public Path searchIndexDir() {
        return cacheDir.resolve("search");
    }

    /** The command-line input history: {@code <stateDir>/history}. */
    public Path inputHistoryFile() {
        return stateDir.resolve(INPUT_HISTORY_FILE);
    }

    private static Path normalised(Path path, String name) {
        return requireNonNull(path, name + " == null").toAbsolutePath().normalize();
    }
}
