package io.github.t3chat4j.domain.message;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ModelId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a conversation. A user message holds text; an assistant message may also hold the
 * model's reasoning (kept apart from the answer), an image, the model that wrote it, and a status
 * saying whether it arrived whole. Immutable.
 */
public final class Message {

    private final MessageId id;
    private final Role role;
    private final String text;
    private final String reasoning;
    private final ImageContent image;
    private final ModelId model;
    private final MessageStatus status;
    private final Instant createdAt;

    private Message(Builder b) {
        this.id = requireNonNull(b.id, "id == null");
        this.role = requireNonNull(b.role, "role == null");
        this.text = requireNonNull(b.text, "text == null");
        this.reasoning = requireNonNull(b.reasoning, "reasoning == null");
        this.image = b.image;
        this.model = b.model;
        this.status = requireNonNull(b.status, "status == null");
        this.createdAt = requireNonNull(b.createdAt, "createdAt == null");
    }

    /**
     * A new user message with a fresh id.
     *
     * @throws IllegalArgumentException if the text is blank
     */
    public static Message user(String text) {
        requireNonNull(text, "text == null");
        if (text.isBlank()) {
            throw new IllegalArgumentException("A message cannot be empty.");
        }
        return builder(Role.USER).text(text).build();
    }

    /** A new assistant message with a fresh id holding {@code text}. */
    public static Message assistant(String text) {
        return builder(Role.ASSISTANT).text(text).build();
    }

    /** An assistant message flagged as an error whose text explains it (the seed's non-exception failure). */
    public static Message error(String explanation) {
        return builder(Role.ASSISTANT).text(explanation).status(MessageStatus.ERROR).build();
    }

    public static Builder builder(Role role) {
        return new Builder(role);
    }

    public Builder toBuilder() {
        Builder b = new Builder(role);
        b.id = id;
        b.text = text;
        b.reasoning = reasoning;
        b.image = image;
        b.model = model;
        b.status = status;
        b.createdAt = createdAt;
        return b;
    }

    public MessageId id() {
        return id;
    }

    public Role role() {
        return role;
    }

    /** The answer text; empty for an image-only reply. */
    public String text() {
        return text;
    }

    /** The model's reasoning, apart from the answer; empty when there was none. */
    public String reasoning() {
        return reasoning;
    }

    public Optional<ImageContent> image() {
        return Optional.ofNullable(image);
    }

    public Optional<ModelId> model() {
        return Optional.ofNullable(model);
    }

    public MessageStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** {@link ContentType#IMAGE} when the message carries an image, else {@link ContentType#TEXT}. */
    public ContentType contentType() {
        return image == null ? ContentType.TEXT : ContentType.IMAGE;
    }

    public boolean isComplete() {
        return status == MessageStatus.COMPLETE;
    }

    public boolean isError() {
        return status == MessageStatus.ERROR;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && id.equals(m.id) && role == m.role && text.equals(m.text)
                && reasoning.equals(m.reasoning) && Objects.equals(image, m.image) && Objects.equals(model, m.model)
                && status == m.status && createdAt.equals(m.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, role, text, reasoning, image, model, status, createdAt);
    }

    @Override
    public String toString() {
        return "Message[" + role.wireValue() + ", " + status + ", " + text.length() + " chars"
                + (image != null ? ", " + image : "") + "]";
    }

    /** Builds a {@link Message}; id and creation time default to fresh values. */
    public static final class Builder {
        private MessageId id = MessageId.random();
        private final Role role;
        private String text = "";
        private String reasoning = "";
        private ImageContent image;
        private ModelId model;
        private MessageStatus status = MessageStatus.COMPLETE;
        private Instant createdAt = Instant.now();

        private Builder(Role role) {
            this.role = requireNonNull(role, "role == null");
        }

        public Builder id(MessageId value) {
            this.id = value;
            return this;
        }

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder reasoning(String value) {
            this.reasoning = value;
            return this;
        }

        /** May be null: no image. */
        public Builder image(ImageContent value) {
            this.image = value;
            return this;
        }

        /** May be null: model unknown. */
        public Builder model(ModelId value) {
            this.model = value;
            return this;
        }

        public Builder status(MessageStatus value) {
            this.status = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Message build() {
            return new Message(this);
        }
    }
}
