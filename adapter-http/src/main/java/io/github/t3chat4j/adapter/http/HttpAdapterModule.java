package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.t3chat4j.application.ApplicationModule;
import java.nio.file.Path;
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
    private final HttpAdapters.Programs programs;
    private final HttpAdapters.FallbackListener listener;
    private final HttpAdapters.ConnectionPools pools;

    /** Over {@code config}; the curl transport and the browser pick their few variables from this process's environment. */
    public HttpAdapterModule(HttpConfig config) {
        this(config, HttpAdapters.Programs.current(), HttpAdapters.FallbackListener.NONE, null);
    }

    /** Over {@code config}; the curl transport and the browser pick their few variables from {@code environment}. */
    public HttpAdapterModule(HttpConfig config, Map<String, String> environment) {
        this(config, environment, HttpAdapters.FallbackListener.NONE);
    }

    /** Like {@link #HttpAdapterModule(HttpConfig, Map)}, with {@code listener} hearing a fallback past the checkpoint. */
    public HttpAdapterModule(HttpConfig config, Map<String, String> environment,
            HttpAdapters.FallbackListener listener) {
        this(config, new HttpAdapters.Programs(environment, Path.of("").toAbsolutePath()), listener, null);
    }

    /**
     * Over {@code config}, with curl and the browser found and run as {@code programs} says, {@code listener}
     * hearing a fallback, and the {@code java} transport's connections from {@code pools} when given (they
     * outlive the adapters: see {@link HttpAdapters.ConnectionPools}).
     */
    public HttpAdapterModule(HttpConfig config, HttpAdapters.Programs programs, HttpAdapters.FallbackListener listener,
            HttpAdapters.ConnectionPools pools) {
        this.config = requireNonNull(config, "config == null");
        this.programs = requireNonNull(programs, "programs == null");
        this.listener = requireNonNull(listener, "listener == null");
        this.pools = pools;
    }

    @Override
    protected void configure() {
        ApplicationModule.adapters(binder()).addBinding().to(HttpAdapters.class);
    }

    @Provides
    @Singleton
    HttpAdapters httpAdapters() {
        return HttpAdapters.create(config, programs, listener, pools);
    }
}
