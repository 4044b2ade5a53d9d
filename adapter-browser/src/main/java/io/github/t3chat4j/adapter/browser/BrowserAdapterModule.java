package io.github.t3chat4j.adapter.browser;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.t3chat4j.application.ApplicationModule;

/**
 * Guice wiring of the browser adapter, to install beside {@link ApplicationModule}: binds one
 * {@link BrowserAdapters} over the given {@link BrowserConfig} as a singleton and adds it to
 * {@link ApplicationModule#adapters}, so the local use cases can read a browser's t3.chat session. Does
 * no I/O.
 */
public final class BrowserAdapterModule extends AbstractModule {

    private final BrowserConfig config;

    public BrowserAdapterModule(BrowserConfig config) {
        this.config = requireNonNull(config, "config == null");
    }

    @Override
    protected void configure() {
        ApplicationModule.adapters(binder()).addBinding().to(BrowserAdapters.class);
    }

    @Provides
    @Singleton
    BrowserAdapters browserAdapters() {
        return BrowserAdapters.create(config);
    }
}
