package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.internal.usecase.LoadConversationUseCase;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;

/** Reads one stored conversation through {@link ConversationStorePort}; an unknown id is bad input. */
public final class LoadConversationService implements LoadConversationUseCase {

    private final ConversationStorePort load;

    public LoadConversationService(ConversationStorePort load) {
        this.load = requireNonNull(load, "load == null");
    }

    @Override
    public Conversation loadConversation(ThreadId threadId) {
        requireNonNull(threadId, "threadId == null");
        return load.load(threadId).orElseThrow(() -> new InvalidInputException(
                "No stored conversation has the id " + threadId.value() + "."));
    }
}
