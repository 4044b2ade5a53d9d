package io.github.t3chat4j.domain.thread;

import static java.util.Objects.requireNonNull;

/**
 * Something a store met and skipped instead of failing: {@code source} names the file (or thread),
 * {@code reason} says what is wrong with it in a sentence.
 */
public record StorageProblem(String source, String reason) {

    public StorageProblem {
        requireNonNull(source, "source == null");
        requireNonNull(reason, "reason == null");
    }

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
