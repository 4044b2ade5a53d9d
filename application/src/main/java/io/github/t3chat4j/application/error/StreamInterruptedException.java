package io.github.t3chat4j.application.error;

import io.github.t3chat4j.domain.stream.Reply;

/** The reply stream ended before the server said it was done: the connection broke or the body was cut. */
public class StreamInterruptedException extends ReplyFailedException {

    public StreamInterruptedException(Reply partialReply, Throwable cause) {
        super("The reply was cut off after " + partialReply.text().length() + " characters"
                + (cause == null ? "" : " (" + detailOf(cause) + ")")
                + "; the partial text is kept, marked incomplete. Send again to retry.", partialReply, cause);
    }
}
