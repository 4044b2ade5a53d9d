package io.github.t3chat4j.domain.message;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** The id of one message; t3.chat uses random UUIDs, imported histories may use other opaque ids. */
public record MessageId(String value) {

    public MessageId {
        requireNonNull(value, "message id == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A message id cannot be blank.");
        }
    }

    public static MessageId random() {
        return new MessageId(UUID.randomUUID().toString());
    }

    public static MessageId of(String value) {
        return new MessageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
