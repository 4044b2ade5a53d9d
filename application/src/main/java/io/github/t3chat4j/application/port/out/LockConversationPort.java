package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.thread.ThreadId;
import java.util.function.BooleanSupplier;

/**
 * One writer per conversation, across threads and processes: the send holds a conversation's lock for
 * its whole exchange (read the latest stored history, send, save), so two sends to one conversation
 * take turns and the second sees the first's exchange. Waits its turn; gives up, throwing
 * {@link io.github.t3chat4j.application.error.ConversationBusyException} (naming the process that holds
 * it when known), when the wait exceeds the adapter's bound, and returns at once, throwing the same,
 * when {@code giveUp} answers true (the send was cancelled).
 */
@FunctionalInterface
public interface LockConversationPort {

    /** Locks nothing: for a program whose conversations are never shared. */
    LockConversationPort NONE = (threadId, giveUp) -> () -> { };

    ConversationLock lockConversation(ThreadId threadId, BooleanSupplier giveUp);

    /** A held lock; closing releases it. */
    @FunctionalInterface
    interface ConversationLock extends AutoCloseable {
        @Override
        void close();
    }
}
