package io.github.t3chat4j.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.t3chat4j.adapter.storage.StorageAdapters;
import io.github.t3chat4j.application.port.out.ModelCatalogCachePort;
import java.net.URI;

/** Keeps the model catalogue of {@code baseUrl} in the storage adapters' cache folder between runs. */
final class CatalogCacheModule extends AbstractModule {

    private final URI baseUrl;

    CatalogCacheModule(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Provides
    ModelCatalogCachePort catalogCache(StorageAdapters storage) {
        return storage.modelCatalogCache(baseUrl);
    }
}
