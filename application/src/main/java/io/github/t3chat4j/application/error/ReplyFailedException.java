package io.github.t3chat4j.application.error;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.thread.Conversation;
import java.util.Optional;

import io.github.t3chat4j.domain.stream.Reply;

/**
 * A reply began but did not complete. It carries what arrived before the failure; the conversation
 * keeps that partial reply, marked incomplete.
 */
public abstract class ReplyFailedException extends T3ChatException {

    private final transient Reply partialReply;
    private transient volatile Conversation conversation;

    protected ReplyFailedException(String message, Reply partialReply, Throwable cause) {
        super(message, cause);
        this.partialReply = requireNonNull(partialReply, "partialReply == null");
    }

    /** What arrived before the failure (possibly empty). */
    public Reply partialReply() {
        return partialReply;
    }

    /**
     * The conversation with the partial reply kept (marked incomplete), when anything arrived; empty
     * when nothing did and the conversation stays as it was before the send.
     */
    public Optional<Conversation> conversation() {
        return Optional.ofNullable(conversation);
    }

    /** Records the conversation that keeps the partial reply; called by the send use case. */
    public void keptIn(Conversation value) {
        this.conversation = requireNonNull(value, "conversation == null");
    }
}
