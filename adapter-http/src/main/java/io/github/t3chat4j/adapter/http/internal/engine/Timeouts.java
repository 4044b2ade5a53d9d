package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How long an exchange may wait: {@code connect} for a connection (from the pool or new), {@code read}
 * for the server to say anything, before the answer and between any two reads of the body, and for the
 * whole head of the answer from the moment the request is sent (a head dribbled a byte at a time ends
 * there too); {@code total}, when set, for the exchange from its start until the head has arrived.
 */
public record Timeouts(Duration connect, Duration read, Optional<Duration> total) {

    public Timeouts {
        requireNonNull(connect, "connect == null");
        requireNonNull(read, "read == null");
        requireNonNull(total, "total == null");
        if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()
                || total.filter(t -> t.isNegative() || t.isZero()).isPresent()) {
            throw new IllegalArgumentException("Timeouts must be positive.");
        }
    }

    /** Without a total deadline. */
    public Timeouts(Duration connect, Duration read) {
        this(connect, read, Optional.empty());
    }

    /** With the head due within {@code value} of the start of the exchange at the latest. */
    public Timeouts withTotal(Duration value) {
        return new Timeouts(connect, read, Optional.of(value));
    }
}
