package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ConversationListing;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Where conversations are kept: saved atomically (replacing an earlier version with the same thread id),
 * read back, listed, deleted, and locked so that one writer at a time extends a conversation. Failures
 * are {@link io.github.t3chat4j.application.error.StorageException}s. Thread-safe.
 */
public interface ConversationStorePort {

    /** Stores {@code conversation}, replacing the stored version with its thread id, atomically. */
    void save(Conversation conversation);

    /** The stored conversation with this thread id, if any. */
    Optional<Conversation> load(ThreadId threadId);

    /**
     * The stored conversations, newest first. Unreadable entries are reported in
     * {@link ConversationListing#problems()}, not thrown; a store that cannot be read at all throws.
     */
    ConversationListing listConversations();

    /** Deletes a stored conversation: {@code true} when one was deleted, {@code false} when none had this id. */
    boolean deleteConversation(ThreadId threadId);

    /**
     * Whether a conversation of this id was stored and then deleted, and not stored again since: a send
     * that began from it before the delete must not save it back. False for a store that does not know.
     *
     * @param threadId the conversation's thread id
     * @return whether it was deleted
     */
    default boolean wasDeleted(ThreadId threadId) {
        return false;
    }

    /**
     * One writer per conversation, across threads and processes: the send holds a conversation's lock for
     * its whole exchange (read the latest stored history, send, save), so two sends to one conversation
     * take turns and the second sees the first's exchange. Waits its turn; gives up, throwing
     * {@link io.github.t3chat4j.application.error.ConversationBusyException} (naming the process that
     * holds it when known), when the wait exceeds the store's bound, and at once when {@code giveUp}
     * answers true (the send was cancelled). Locks nothing by default.
     */
    default ConversationLock lockConversation(ThreadId threadId, BooleanSupplier giveUp) {
        return () -> { };
    }

    /** A held lock; closing releases it. */
    @FunctionalInterface
    interface ConversationLock extends AutoCloseable {
        @Override
        void close();
    }
}
