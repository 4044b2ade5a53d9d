package io.github.t3chat4j.domain.thread;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Something a store met and skipped instead of failing: {@code source} names the file (or thread),
 * {@code reason} says what is wrong with it in a sentence, and {@code modifiedAt} says when the file last
 * changed, when known (so that an unreadable file newer than every readable one is not passed over).
 */
public record StorageProblem(String source, String reason, Optional<Instant> modifiedAt) {

    public StorageProblem {
        requireNonNull(source, "source == null");
        requireNonNull(reason, "reason == null");
        requireNonNull(modifiedAt, "modifiedAt == null");
    }

    /** A problem with no known time. */
    public StorageProblem(String source, String reason) {
        this(source, reason, Optional.empty());
    }

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
