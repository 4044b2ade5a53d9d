package io.github.t3chat4j.application.port.out;

import java.util.Optional;

/**
 * Keeps the last catalogue read from the site between runs. Which source wins (a fresh cache, the site,
 * a stale cache, the bundled list) is the application's decision; this port only stores. Reading a
 * missing or unreadable cache answers empty; a write that fails throws
 * {@link io.github.t3chat4j.application.error.StorageException}. Thread-safe.
 */
public interface ModelCatalogCachePort {

    /** Caches nothing. */
    ModelCatalogCachePort NONE = new ModelCatalogCachePort() {
        @Override
        public Optional<CachedModelCatalog> loadCachedCatalog() {
            return Optional.empty();
        }

        @Override
        public void saveCachedCatalog(CachedModelCatalog catalog) {
            // Nothing is kept.
        }
    };

    Optional<CachedModelCatalog> loadCachedCatalog();

    void saveCachedCatalog(CachedModelCatalog catalog);
}
