package io.github.t3chat4j.application.port.in;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.stream.Reply;

/**
 * What a send produced: the reply, the id chosen for it, and the session to use from now on (a new one
 * when the send had to refresh it).
 */
public record SendMessageResult(Reply reply, MessageId replyId, Session session) {

    public SendMessageResult {
        requireNonNull(reply, "reply == null");
        requireNonNull(replyId, "replyId == null");
        requireNonNull(session, "session == null");
    }
}
