package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.t3chat4j.application.ApplicationModule;

/**
 * Guice wiring of the HTTP adapter: adds one singleton {@link HttpAdapters} over the given
 * {@link HttpConfig} to the adapter set of {@link ApplicationModule}, so a client builder from the
 * injector holds every HTTP port. The injector creates the adapters when they are first needed (in
 * Guice's default stage), never while the module is configured, and creating them does no I/O; a
 * client built from the injector closes them, and their connection pool, when it is closed.
 */
public final class HttpAdapterModule extends AbstractModule {

    private final HttpConfig config;
    private final HttpAdapters.FallbackListener listener;

    public HttpAdapterModule(HttpConfig config) {
        this(config, HttpAdapters.FallbackListener.NONE);
    }

    /** With {@code listener} hearing which transport got through t3.chat's checkpoint (fallback on). */
    public HttpAdapterModule(HttpConfig config, HttpAdapters.FallbackListener listener) {
        this.config = requireNonNull(config, "config == null");
        this.listener = requireNonNull(listener, "listener == null");
    }

    @Override
    protected void configure() {
        ApplicationModule.adapters(binder()).addBinding().to(HttpAdapters.class);
    }

    @Provides
    @Singleton
    HttpAdapters httpAdapters() {
        return HttpAdapters.create(config, listener);
    }
}
