package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.thread.ThreadId;

/**
 * Deletes a stored conversation. Returns {@code true} when one was deleted, {@code false} when none
 * had this id. Throws {@link io.github.t3chat4j.application.error.StorageException} when it cannot.
 */
@FunctionalInterface
public interface DeleteConversationPort {

    boolean deleteConversation(ThreadId threadId);
}
