package io.github.t3chat4j.application.error;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.message.Message;

/**
 * The reply arrived whole, and the client keeps it in its conversation, but saving the conversation
 * failed; {@link #reply()} is the reply, so a caller can still show it. The cause says why it was not saved.
 */
public class ReplyNotSavedException extends StorageException {

    private final transient Message reply;

    public ReplyNotSavedException(Message reply, T3ChatException cause) {
        super("The reply arrived but the conversation could not be saved: " + cause.getMessage(), cause);
        this.reply = requireNonNull(reply, "reply == null");
    }

    /** The reply that arrived. */
    public Message reply() {
        return reply;
    }
}
