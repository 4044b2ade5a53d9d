package io.github.t3chat4j.application.port.in;

import io.github.t3chat4j.domain.thread.ThreadId;

/**
 * Deletes a stored conversation.
 *
 * @throws io.github.t3chat4j.application.error.InvalidInputException when none has this id
 */
public interface DeleteConversationUseCase {

    void deleteConversation(ThreadId threadId);
}
