package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;

/**
 * Reads one stored conversation.
 */
public interface LoadConversationUseCase {

    /**
     * @throws io.github.t3chat4j.application.error.InvalidInputException when none has this id
     * @throws io.github.t3chat4j.application.error.StorageException when its file cannot be read
     */
    Conversation loadConversation(ThreadId threadId);
}
