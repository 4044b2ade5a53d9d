package io.github.t3chat4j.adapter.http.internal;

import io.github.t3chat4j.adapter.http.internal.engine.EngineResponse;
import io.github.t3chat4j.application.error.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * A 2xx answer of the {@link HttpPipeline} whose body is still arriving. One thread reads the body;
 * {@link #abort()} may be called from any thread. The receiver closes it: the connection is reused
 * when the body was read to its end, else dropped.
 */
public final class OpenResponse implements AutoCloseable {

    private final HttpCall call;
    private final EngineResponse response;

    OpenResponse(HttpCall call, EngineResponse response) {
        this.call = call;
        this.response = response;
    }

    int status() {
        return response.status();
    }

    /** The protocol the answer came over, such as {@code HTTP/2.0}. */
    public String protocol() {
        return response.protocol();
    }

    /** The value of the first header called {@code name} (ignoring case). */
    public Optional<String> header(String name) {
        return response.header(name);
    }

    /** The declared length of the body, or -1 when the server did not say. */
    long contentLength() {
        try {
            return response.header("Content-Length").map(String::strip).map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException garbled) {
            return -1;
        }
    }

    /** The media type without parameters, in lower case ({@code "image/png"}); empty when not given. */
    String mediaType() {
        return response.header("Content-Type").map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .orElse("");
    }

    /** The body as it arrives; the same stream on every call. */
    public InputStream body() {
        return response.body();
    }

    /**
     * The whole body, when it is at most {@code maxBytes} long; empty when it is longer (the connection
     * is then dropped). Closes this response.
     *
     * @throws TransportException when reading fails
     */
    public Optional<byte[]> readBody(int maxBytes) {
        try {
            BoundedBody.Prefix prefix = BoundedBody.readAtMost(response.body(), maxBytes);
            return prefix.whole() ? Optional.of(prefix.bytes()) : Optional.empty();
        } catch (IOException e) {
            throw readFailure(e);
        } finally {
            close();
        }
    }

    /** The exception for a failure while reading this body, naming the request and the host only. */
    public TransportException readFailure(IOException e) {
        return HttpErrorMapper.forIo("Reading the reply of " + call.description(), call.target(), e, call.redactor());
    }

    /** Drops the connection at once, also while another thread reads the body. */
    public void abort() {
        response.abort();
    }

    /**
     * Reads what is left of the body (blocking until it ends) so that the connection can be reused, then
     * closes; a read failure just drops the connection.
     */
    public void drainAndClose() {
        try {
            response.body().transferTo(OutputStream.nullOutputStream());
        } catch (IOException dropped) {
            // The connection cannot be reused; close() drops it.
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        response.close();
    }

    @Override
    public String toString() {
        return "OpenResponse[" + call.description() + ", HTTP " + response.status() + "]";
    }
}
