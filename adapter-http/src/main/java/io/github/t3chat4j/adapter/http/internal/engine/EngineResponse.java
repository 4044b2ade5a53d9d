package io.github.t3chat4j.adapter.http.internal.engine;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * A response whose body is still arriving. The body is read by one thread; {@link #abort()} may be
 * called from any thread, also while that thread is blocked in a read. The receiver closes it.
 */
public interface EngineResponse extends AutoCloseable {

    int status();

    /** The header fields as received, in order. */
    List<Header> headers();

    /** The value of the first header called {@code name} (ignoring case). */
    default Optional<String> header(String name) {
        return headers().stream().filter(h -> h.is(name)).map(Header::value).findFirst();
    }

    /** The protocol the answer came over, such as {@code HTTP/1.1} or {@code HTTP/2.0}. */
    default String protocol() {
        return "HTTP/1.1";
    }

    /**
     * The transports that tried this exchange, in order, when more than the engine's own did (a fallback
     * that met t3.chat's checkpoint with each); empty otherwise.
     */
    default List<String> triedEngines() {
        return List.of();
    }

    /** The body as it arrives; the same stream on every call, empty when the response has none. */
    InputStream body();

    /** Drops the connection at once; a read blocked in {@link #body()} fails or ends. Idempotent. */
    void abort();

    /**
     * Releases the connection: back to the engine for reuse when the body was read to its end, else
     * dropped. Never blocks to read what is left of the body. Idempotent.
     */
    @Override
    void close();
}
