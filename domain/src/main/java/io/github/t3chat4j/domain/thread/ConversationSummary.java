package io.github.t3chat4j.domain.thread;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ModelId;
import java.time.Instant;

/** One line of a conversation listing: enough to pick a conversation without loading its messages. */
public record ConversationSummary(ThreadId threadId, String title, ModelId model, int messageCount, Instant updatedAt) {

    public ConversationSummary {
        requireNonNull(threadId, "threadId == null");
        requireNonNull(title, "title == null");
        requireNonNull(model, "model == null");
        requireNonNull(updatedAt, "updatedAt == null");
        if (messageCount < 0) {
            throw new IllegalArgumentException("messageCount cannot be negative.");
        }
    }

    /** The summary of {@code conversation}. */
    public static ConversationSummary of(Conversation conversation) {
        return new ConversationSummary(conversation.threadId(), conversation.title(), conversation.model(),
                conversation.messages().size(), conversation.updatedAt());
    }
}
