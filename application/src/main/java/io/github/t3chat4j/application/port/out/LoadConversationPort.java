package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.util.Optional;

/** Reads a stored conversation back. */
@FunctionalInterface
public interface LoadConversationPort {

    Optional<Conversation> load(ThreadId threadId);

    /**
     * Whether a conversation of this id was stored and then deleted, and not stored again since: a send
     * that began from it before the delete must not save it back. False for a store that does not know.
     */
    default boolean wasDeleted(ThreadId threadId) {
        return false;
    }
}
