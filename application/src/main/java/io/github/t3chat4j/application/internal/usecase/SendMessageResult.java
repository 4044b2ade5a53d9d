package io.github.t3chat4j.application.internal.usecase;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import java.util.Optional;

/**
 * What a send produced: the conversation from now on (with the user message and the reply appended,
 * or as it was when nothing was received), the assistant message, the reply as assembled from the
 * stream (finish reason included), and the failure to save the conversation, if saving failed.
 */
public record SendMessageResult(Conversation conversation, Message message, Reply reply,
        Optional<T3ChatException> saveFailure) {

    public SendMessageResult {
        requireNonNull(conversation, "conversation == null");
        requireNonNull(message, "message == null");
        requireNonNull(reply, "reply == null");
        requireNonNull(saveFailure, "saveFailure == null");
    }
}
