package io.github.t3chat4j.adapter.http.internal;

import io.github.t3chat4j.adapter.http.internal.engine.EngineRequest;
import io.github.t3chat4j.adapter.http.internal.engine.EngineResponse;
import io.github.t3chat4j.adapter.http.internal.engine.Header;
import io.github.t3chat4j.adapter.http.internal.engine.HttpEngine;
import io.github.t3chat4j.adapter.http.internal.engine.Timeouts;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * An engine that answers every request at once with the same status, headers and body, from memory.
 * Only for fuzz tests, which push hundreds of thousands of answers through the real pipeline into a
 * parser; tests of HTTP behaviour use real sockets ({@code FakeT3Server}, {@code RawHttpServer}).
 */
public final class CannedEngine implements HttpEngine {

    private final int status;
    private final List<Header> headers;
    private final byte[] body;

    private CannedEngine(int status, List<Header> headers, byte[] body) {
        this.status = status;
        this.headers = List.copyOf(headers);
        this.body = body.clone();
    }

    /** The real pipeline (no retries) over an engine that always answers {@code status} with {@code body}. */
    public static HttpPipeline pipelineAnswering(int status, List<Header> headers, byte[] body) {
        return new RealHttpPipeline(new CannedEngine(status, headers, body), "t3chat4j-fuzz",
                new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)), RetryPolicy.of(0, Duration.ZERO),
                new RecordingSleeper(), Clock.systemUTC());
    }

    @Override
    public EngineResponse execute(EngineRequest request) {
        InputStream in = new ByteArrayInputStream(body);
        return new EngineResponse() {
            @Override
            public int status() {
                return status;
            }

            @Override
            public List<Header> headers() {
                return headers;
            }

            @Override
            public InputStream body() {
                return in;
            }

            @Override
            public void abort() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String name() {
        return "canned";
    }

    @Override
    public void close() {
    }
}
