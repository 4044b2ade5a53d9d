package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.t3chat4j.application.ApplicationModule;
import java.util.Map;

/**
 * Guice wiring of the HTTP adapter: adds one singleton {@link HttpAdapters} over the given
 * {@link HttpConfig} to the adapter set of {@link ApplicationModule}, so a client builder from the
 * injector holds every HTTP port. The injector creates the adapters when they are first needed (in
 * Guice's default stage), never while the module is configured, and creating them does no I/O; a
 * client built from the injector closes them, and their connection pool, when it is closed.
 */
public final class HttpAdapterModule extends AbstractModule {

    private final HttpConfig config;
    private final Map<String, String> environment;
    private final HttpAdapters.FallbackListener listener;

    /** Over {@code config}; the curl transport and the browser pick their few variables from this process's environment. */
    public HttpAdapterModule(HttpConfig config) {
        this.config = requireNonNull(config, "config == null");
        this.environment = null;
        this.listener = HttpAdapters.FallbackListener.NONE;
    }

    /** Over {@code config}; the curl transport and the browser pick their few variables from {@code environment}. */
    public HttpAdapterModule(HttpConfig config, Map<String, String> environment) {
        this(config, environment, HttpAdapters.FallbackListener.NONE);
    }

    /** Like {@link #HttpAdapterModule(HttpConfig, Map)}, with {@code listener} hearing a fallback past the checkpoint. */
    public HttpAdapterModule(HttpConfig config, Map<String, String> environment,
            HttpAdapters.FallbackListener listener) {
        this.config = requireNonNull(config, "config == null");
        this.environment = Map.copyOf(requireNonNull(environment, "environment == null"));
        this.listener = requireNonNull(listener, "listener == null");
    }

    @Override
    protected void configure() {
        ApplicationModule.adapters(binder()).addBinding().to(HttpAdapters.class);
    }

    @Provides
    @Singleton
    HttpAdapters httpAdapters() {
        return environment == null ? HttpAdapters.create(config)
                : HttpAdapters.create(config, environment, listener);
    }
}
