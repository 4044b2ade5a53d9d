package io.github.t3chat4j.adapter.http.internal;

import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.adapter.http.internal.engine.ApacheAsyncEngine;
import io.github.t3chat4j.adapter.http.internal.engine.EngineOptions;
import io.github.t3chat4j.adapter.http.internal.engine.HttpEngine;
import io.github.t3chat4j.adapter.http.internal.engine.Timeouts;
import java.time.Clock;

/**
 * The real pipeline over the real engine of the {@code java} transport (HttpClient's async client over
 * TLS, its classic one for plain {@code http://}), configured like {@code HttpAdapters} does, with a
 * {@link RecordingSleeper} between retries; for tests of the adapters built on it. Close it to close
 * its pool.
 */
public final class TestPipeline implements HttpPipeline, AutoCloseable {

    private final HttpEngine engine;
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final HttpPipeline pipeline;
    private final SiteRequests site;

    private TestPipeline(HttpConfig config, Clock clock) {
        EngineOptions options = EngineOptions.defaults();
        this.engine = ApacheAsyncEngine.create(config.trustedCertificates().map(options::withTrustedCertificates)
                .orElse(options));
        this.pipeline = new RealHttpPipeline(engine, config.userAgent(),
                new Timeouts(config.connectTimeout(), config.firstByteTimeout()),
                RetryPolicy.of(config.maxRetries(), config.maxBackoff()), sleeper, clock);
        this.site = new SiteRequests(config.baseUrl());
    }

    public static TestPipeline of(HttpConfig config) {
        return new TestPipeline(config, Clock.systemUTC());
    }

    /** With a clock of the test's, for {@code Retry-After} dates. */
    public static TestPipeline of(HttpConfig config, Clock clock) {
        return new TestPipeline(config, clock);
    }

    @Override
    public OpenResponse open(HttpCall call) {
        return pipeline.open(call);
    }

    /** The requests to the configured base URL. */
    public SiteRequests site() {
        return site;
    }

    /** The waits between retries so far. */
    public RecordingSleeper sleeper() {
        return sleeper;
    }

    @Override
    public void close() {
        engine.close();
    }
}
