package io.github.t3chat4j.domain.thread;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation as it is stored and resumed: thread id, title, the model and settings last used, the
 * messages in order, and when it was created and last updated. Immutable: {@link #start} one, or
 * {@link #builder(ThreadId)} one from what is stored elsewhere; {@link #append} and the {@code with…}
 * methods return copies.
 */
public final class Conversation {

    private static final int TITLE_LENGTH = 60;

    private final ThreadId threadId;
    private final String title;
    private final ModelId model;
    private final ChatSettings settings;
    private final List<Message> messages;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Conversation(ThreadId threadId, String title, ModelId model, ChatSettings settings, List<Message> messages,
            Instant createdAt, Instant updatedAt) {
        this.threadId = requireNonNull(threadId, "threadId == null");
        this.title = requireNonNull(title, "title == null");
        this.model = requireNonNull(model, "model == null");
        this.settings = requireNonNull(settings, "settings == null");
        this.messages = List.copyOf(requireNonNull(messages, "messages == null"));
        this.createdAt = requireNonNull(createdAt, "createdAt == null");
        this.updatedAt = requireNonNull(updatedAt, "updatedAt == null");
    }

    /**
     * An empty conversation with a new thread id.
     *
     * @param model the model to send with
     * @param settings the settings to send with
     * @param now when it starts
     * @return the conversation
     */
    public static Conversation start(ModelId model, ChatSettings settings, Instant now) {
        return new Conversation(ThreadId.random(), "", model, settings, List.of(), now, now);
    }

    /**
     * A builder of the conversation {@code threadId}: no title, the default model and settings, no messages,
     * created and updated at the epoch until told otherwise.
     *
     * @param threadId the thread id
     * @return the builder
     */
    public static Builder builder(ThreadId threadId) {
        return new Builder(threadId);
    }

    /** @return a builder holding this conversation's values */
    public Builder toBuilder() {
        return new Builder(threadId).title(title).model(model).settings(settings).messages(messages)
                .createdAt(createdAt).updatedAt(updatedAt);
    }

    /** @return the thread id */
    public ThreadId threadId() {
        return threadId;
    }

    /** @return the title ({@code ""} until the first user message gives one) */
    public String title() {
        return title;
    }

    /** @return the model last used */
    public ModelId model() {
        return model;
    }

    /** @return the settings last used */
    public ChatSettings settings() {
        return settings;
    }

    /** @return the messages, oldest first */
    public List<Message> messages() {
        return messages;
    }

    /** @return when it was created */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it was last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * A copy with {@code message} appended; the title is taken from the first user message when empty.
     *
     * @param message the message
     * @param now when it was appended
     * @return the copy
     */
    public Conversation append(Message message, Instant now) {
        requireNonNull(message, "message == null");
        List<Message> next = new ArrayList<>(messages);
        next.add(message);
        String nextTitle = title.isEmpty() && message.role() == Role.USER ? titleFrom(message.text()) : title;
        return new Conversation(threadId, nextTitle, model, settings, next, createdAt, now);
    }

    /**
     * @param next the model
     * @return a copy with this model
     */
    public Conversation withModel(ModelId next) {
        return new Conversation(threadId, title, next, settings, messages, createdAt, updatedAt);
    }

    /**
     * @param next the settings
     * @return a copy with these settings
     */
    public Conversation withSettings(ChatSettings next) {
        return new Conversation(threadId, title, model, next, messages, createdAt, updatedAt);
    }

    /**
     * @param next the title
     * @return a copy with this title
     */
    public Conversation withTitle(String next) {
        return new Conversation(threadId, next, model, settings, messages, createdAt, updatedAt);
    }

    /**
     * @param next the messages, oldest first
     * @param now when they were changed
     * @return a copy holding these messages instead
     */
    public Conversation withMessages(List<Message> next, Instant now) {
        return new Conversation(threadId, title, model, settings, next, createdAt, now);
    }

    /** @return the last message, if any */
    public Optional<Message> lastMessage() {
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
    }

    /**
     * A short title: the first line of the text, cut to 60 characters.
     *
     * @param text a message's text
     * @return the title
     */
    public static String titleFrom(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1).strip() + "…";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Conversation other && other.threadId.equals(threadId) && other.title.equals(title)
                && other.model.equals(model) && other.settings.equals(settings) && other.messages.equals(messages)
                && other.createdAt.equals(createdAt) && other.updatedAt.equals(updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(threadId, title, model, settings, messages, createdAt, updatedAt);
    }

    /** The thread, the model and how many messages; no message text. */
    @Override
    public String toString() {
        return "Conversation[" + threadId.value() + ", " + model.value() + ", " + messages.size() + " messages]";
    }

    /** Builds a {@link Conversation}; see {@link Conversation#builder(ThreadId)}. */
    public static final class Builder {
        private final ThreadId threadId;
        private String title = "";
        private ModelId model = ModelId.DEFAULT;
        private ChatSettings settings = ChatSettings.defaults();
        private List<Message> messages = List.of();
        private Instant createdAt = Instant.EPOCH;
        private Instant updatedAt = Instant.EPOCH;

        private Builder(ThreadId threadId) {
            this.threadId = requireNonNull(threadId, "threadId == null");
        }

        /**
         * @param value the title
         * @return this builder
         */
        public Builder title(String value) {
            this.title = requireNonNull(value, "title == null");
            return this;
        }

        /**
         * @param value the model last used
         * @return this builder
         */
        public Builder model(ModelId value) {
            this.model = requireNonNull(value, "model == null");
            return this;
        }

        /**
         * @param value the settings last used
         * @return this builder
         */
        public Builder settings(ChatSettings value) {
            this.settings = requireNonNull(value, "settings == null");
            return this;
        }

        /**
         * @param value the messages, oldest first
         * @return this builder
         */
        public Builder messages(List<Message> value) {
            this.messages = requireNonNull(value, "messages == null");
            return this;
        }

        /**
         * @param value when it was created
         * @return this builder
         */
        public Builder createdAt(Instant value) {
            this.createdAt = requireNonNull(value, "createdAt == null");
            return this;
        }

        /**
         * @param value when it was last changed
         * @return this builder
         */
        public Builder updatedAt(Instant value) {
            this.updatedAt = requireNonNull(value, "updatedAt == null");
            return this;
        }

        /** @return the conversation */
        public Conversation build() {
            return new Conversation(threadId, title, model, settings, messages, createdAt, updatedAt);
        }
    }
}
