package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * An exchange that failed before the server could act on the request: no connection could be made, or
 * a pooled connection turned out to be closed by the server while idle. Retrying cannot send anything
 * twice. The cause is the engine's own exception.
 */
public final class RequestNotSentException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean noConnection;

    public RequestNotSentException(boolean noConnection, IOException cause) {
        super(requireNonNull(cause, "cause == null").getMessage(), cause);
        this.noConnection = noConnection;
    }

    /** True when no connection could be made at all (refused, unreachable, timed out connecting). */
    public boolean noConnection() {
        return noConnection;
    }

    /** The engine's exception. */
    @Override
    public synchronized IOException getCause() {
        return (IOException) super.getCause();
    }
}
