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
    private final HttpAdapters.Programs programs;
    private final HttpAdapters.ConnectionPools pools;

    /** Over {@code config}; the curl transport picks its few variables from this process's environment. */
    public HttpAdapterModule(HttpConfig config) {
        this(config, HttpAdapters.Programs.current());
    }

    /** Adapters whose programs (curl) run as {@code programs} says. */
    public HttpAdapterModule(HttpConfig config, HttpAdapters.Programs programs) {
        this.config = requireNonNull(config, "config == null");
        this.programs = requireNonNull(programs, "programs == null");
        this.pools = null;
    }

    /** Over {@code config}; the curl transport picks its few variables from {@code environment}. */
    public HttpAdapterModule(HttpConfig config, Map<String, String> environment) {
        this(config, new HttpAdapters.Programs(environment, java.nio.file.Path.of("").toAbsolutePath()));
    }

    /** Adapters over a pool of {@code pools}, which outlives them (see {@link HttpAdapters.ConnectionPools}). */
    public HttpAdapterModule(HttpConfig config, HttpAdapters.Programs programs, HttpAdapters.ConnectionPools pools) {
        this.config = requireNonNull(config, "config == null");
        this.programs = requireNonNull(programs, "programs == null");
        this.pools = requireNonNull(pools, "pools == null");
    }

    @Override
    protected void configure() {
        ApplicationModule.adapters(binder()).addBinding().to(HttpAdapters.class);
    }

    @Provides
    @Singleton
    HttpAdapters httpAdapters() {
        return pools == null ? HttpAdapters.create(config, programs) : HttpAdapters.create(config, programs, pools);
    }
}
