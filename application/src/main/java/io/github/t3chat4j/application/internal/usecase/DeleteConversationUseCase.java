package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.thread.ThreadId;

/**
 * Deletes a stored conversation.
 */
public interface DeleteConversationUseCase {

    /**
     * @throws io.github.t3chat4j.application.error.InvalidInputException when none has this id
     */
    void deleteConversation(ThreadId threadId);
}
