package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.t3chat4j.application.ApplicationModule;

/**
 * Guice wiring of the storage adapter, to install beside {@link ApplicationModule}: binds one
 * {@link StorageAdapters} over the given {@link StorageConfig} (bound too) as a singleton and adds it to
 * {@link ApplicationModule#adapters}, so the image store, the conversation ports, the exporter, the
 * history parser and the settings store reach every client and the local use cases. The session store
 * and the catalogue cache are the caller's choice: take them from the bound {@link StorageAdapters}.
 * Does no I/O.
 */
public final class StorageAdapterModule extends AbstractModule {

    private final StorageConfig config;

    public StorageAdapterModule(StorageConfig config) {
        this.config = requireNonNull(config, "config == null");
    }

    @Override
    protected void configure() {
        bind(StorageConfig.class).toInstance(config);
        ApplicationModule.adapters(binder()).addBinding().to(StorageAdapters.class);
    }

    @Provides
    @Singleton
    StorageAdapters storageAdapters() {
        return StorageAdapters.create(config);
    }
}
