package io.github.t3chat4j.domain.thread;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A conversation as it is stored and resumed: thread id, title, the model and settings last used, the
 * messages in order, and when it was created and last updated. Immutable; {@link #append} returns a copy.
 */
public record Conversation(
        ThreadId threadId,
        String title,
        ModelId model,
        ChatSettings settings,
        List<Message> messages,
        Instant createdAt,
        Instant updatedAt) {

    private static final int TITLE_LENGTH = 60;

    public Conversation {
        requireNonNull(threadId, "threadId == null");
        requireNonNull(title, "title == null");
        requireNonNull(model, "model == null");
        requireNonNull(settings, "settings == null");
        messages = List.copyOf(requireNonNull(messages, "messages == null"));
        requireNonNull(createdAt, "createdAt == null");
        requireNonNull(updatedAt, "updatedAt == null");
    }

    /** An empty conversation with a new thread id. */
    public static Conversation start(ModelId model, ChatSettings settings, Instant now) {
        return new Conversation(ThreadId.random(), "", model, settings, List.of(), now, now);
    }

    /** A copy with {@code message} appended; the title is taken from the first user message when empty. */
    public Conversation append(Message message, Instant now) {
        requireNonNull(message, "message == null");
        List<Message> next = new ArrayList<>(messages);
        next.add(message);
        String nextTitle = title.isEmpty() && message.role() == Role.USER ? titleFrom(message.text()) : title;
        return new Conversation(threadId, nextTitle, model, settings, next, createdAt, now);
    }

    public Conversation withModel(ModelId next) {
        return new Conversation(threadId, title, next, settings, messages, createdAt, updatedAt);
    }

    public Conversation withSettings(ChatSettings next) {
        return new Conversation(threadId, title, model, next, messages, createdAt, updatedAt);
    }

    public Conversation withTitle(String next) {
        return new Conversation(threadId, next, model, settings, messages, createdAt, updatedAt);
    }

    /** The last message, if any. */
    public Optional<Message> lastMessage() {
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
    }

    /** A short title: the first line of the text, cut to 60 characters. */
    public static String titleFrom(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1).strip() + "…";
    }
}
