package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.ConversationBusyException;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.internal.usecase.DeleteConversationUseCase;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.time.Duration;

/**
 * Deletes a stored conversation through {@link ConversationStorePort}, holding the conversation's lock
 * while it does, like a send: a send in progress finishes first, and one that waits for the lock finds
 * the conversation gone. Waits for a send in progress at most {@link #WAIT}, then refuses with a
 * {@link ConversationBusyException}; an unknown id is bad input.
 */
public final class DeleteConversationService implements DeleteConversationUseCase {

    /** How long a delete waits for a send in progress before it refuses. */
    static final Duration WAIT = Duration.ofSeconds(3);

    private final ConversationStorePort store;

    public DeleteConversationService(ConversationStorePort store) {
        this.store = requireNonNull(store, "store == null");
    }

    @Override
    public void deleteConversation(ThreadId threadId) {
        requireNonNull(threadId, "threadId == null");
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean deleted;
        try (ConversationStorePort.ConversationLock held = store.lockConversation(threadId,
                () -> System.nanoTime() > deadline)) {
            deleted = store.deleteConversation(threadId);
        } catch (ConversationBusyException busy) {
            throw new ConversationBusyException(busy.getMessage() + " Nothing was deleted.");
        }
        if (!deleted) {
            throw new InvalidInputException("No stored conversation has the id " + threadId.value() + ".");
        }
    }
}
