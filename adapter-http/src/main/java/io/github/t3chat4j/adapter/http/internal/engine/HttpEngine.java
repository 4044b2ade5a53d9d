package io.github.t3chat4j.adapter.http.internal.engine;

import java.io.IOException;

/**
 * Does the I/O of one exchange: sends a request as given (no headers added, no retries, no cookie jar,
 * no compression) and returns as soon as the status line and headers have arrived, with the body still
 * streaming. Thread-safe; one engine serves every request of a set of adapters and keeps connections
 * for reuse until {@link #close()}.
 */
public interface HttpEngine extends AutoCloseable {

    /**
     * Sends {@code request} and returns its response, whatever its status.
     *
     * @throws RequestNotSentException when the request certainly did not reach the server (safe to retry)
     * @throws IOException for any other failure of the exchange
     * @throws IllegalStateException when the engine is closed
     */
    EngineResponse execute(EngineRequest request) throws IOException;

    /**
     * How a user names this engine's transport: {@code java}, {@code curl}, the name of a curl-impersonate
     * wrapper such as {@code curl_chrome131}, or {@code browser}.
     */
    String name();

    /** Releases the connections; responses still open break. Idempotent. */
    @Override
    void close();
}
