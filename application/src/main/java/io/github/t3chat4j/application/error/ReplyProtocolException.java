package io.github.t3chat4j.application.error;

import io.github.t3chat4j.domain.stream.Reply;

/**
 * The reply began but could not be read to its end because it broke the protocol or a limit (a reply or a
 * line larger than allowed, say); what arrived before is kept, marked incomplete.
 */
public class ReplyProtocolException extends ReplyFailedException {

    public ReplyProtocolException(Reply partialReply, UnexpectedResponseException cause) {
        super(detailOf(cause) + " The " + partialReply.text().length() + " characters that arrived are kept,"
                + " marked incomplete.", partialReply, cause);
    }
}
