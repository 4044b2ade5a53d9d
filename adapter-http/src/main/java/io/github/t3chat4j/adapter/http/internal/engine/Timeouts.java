package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long an exchange may wait: {@code connect} for a connection (from the pool or new), {@code read}
 * for the server to say anything, before the answer and between any two reads of the body.
 */
public record Timeouts(Duration connect, Duration read) {

    public Timeouts {
        requireNonNull(connect, "connect == null");
        requireNonNull(read, "read == null");
        if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()) {
            throw new IllegalArgumentException("Timeouts must be positive.");
        }
    }
}
