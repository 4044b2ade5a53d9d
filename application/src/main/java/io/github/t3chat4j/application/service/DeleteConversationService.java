package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.port.in.DeleteConversationUseCase;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.domain.thread.ThreadId;

/** Deletes a stored conversation through {@link ConversationStorePort}; an unknown id is bad input. */
public final class DeleteConversationService implements DeleteConversationUseCase {

    private final ConversationStorePort delete;

    public DeleteConversationService(ConversationStorePort delete) {
        this.delete = requireNonNull(delete, "delete == null");
    }

    @Override
    public void deleteConversation(ThreadId threadId) {
        requireNonNull(threadId, "threadId == null");
        if (!delete.deleteConversation(threadId)) {
            throw new InvalidInputException("No stored conversation has the id " + threadId.value() + ".");
        }
    }
}
