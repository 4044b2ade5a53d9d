package io.github.t3chat4j.adapter.http.catalog;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the model-catalogue scraper.
 *
 * @param cacheDirectory where to keep the scraped catalogue between runs; empty for no disk cache
 * @param maxAge how long a cached catalogue is used before it is scraped again (a day by default)
 * @param maxChunks how many JavaScript chunks of the home page are read, at most
 * @param maxChunkBytes the largest chunk read; bigger ones are skipped
 */
public record CatalogConfig(Optional<Path> cacheDirectory, Duration maxAge, int maxChunks, long maxChunkBytes) {

    public CatalogConfig {
        requireNonNull(cacheDirectory, "cacheDirectory == null");
        requireNonNull(maxAge, "maxAge == null");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge cannot be negative.");
        }
        if (maxChunks < 1) {
            throw new IllegalArgumentException("maxChunks must be at least 1.");
        }
        if (maxChunkBytes < 1) {
            throw new IllegalArgumentException("maxChunkBytes must be positive.");
        }
    }

    /** No disk cache, one day, 40 chunks of up to 8 MiB. */
    public static CatalogConfig defaults() {
        return new CatalogConfig(Optional.empty(), Duration.ofDays(1), 40, 8L * 1024 * 1024);
    }

    /** These settings, caching in {@code directory} (such as {@code $XDG_CACHE_HOME/t3chat4j}). */
    public CatalogConfig withCacheDirectory(Path directory) {
        return new CatalogConfig(Optional.of(requireNonNull(directory, "directory == null")), maxAge, maxChunks,
                maxChunkBytes);
    }
}
