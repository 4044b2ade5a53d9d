package io.github.t3chat4j.application.error;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.stream.Reply;

/**
 * A reply began but did not complete. It carries what arrived before the failure; the conversation
 * keeps that partial reply, marked incomplete.
 */
public abstract class ReplyFailedException extends T3ChatException {

    private final transient Reply partialReply;

    protected ReplyFailedException(String message, Reply partialReply, Throwable cause) {
        super(message, cause);
        this.partialReply = requireNonNull(partialReply, "partialReply == null");
    }

    /** What arrived before the failure (possibly empty). */
    public Reply partialReply() {
        return partialReply;
    }
}
