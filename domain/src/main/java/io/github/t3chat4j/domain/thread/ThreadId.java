package io.github.t3chat4j.domain.thread;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** The id of a conversation: a random UUID chosen by the client on the first send, reused afterwards. */
public record ThreadId(String value) {

    public ThreadId {
        requireNonNull(value, "thread id == null");
        value = value.strip();
        if (value.isEmpty() || value.contains("/") || value.contains("\\") || value.startsWith(".")) {
            throw new IllegalArgumentException("A thread id must be a non-empty id such as a UUID, got '"
                    + value + "'.");
        }
    }

    public static ThreadId random() {
        return new ThreadId(UUID.randomUUID().toString());
    }

    public static ThreadId of(String value) {
        return new ThreadId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
