package io.github.t3chat4j.application.port.in;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.thread.Conversation;

/**
 * Send the conversation's history (which already ends with the new user message) and stream the reply.
 *
 * @throws IllegalArgumentException if the conversation holds no message
 */
public record SendMessageCommand(
        Session session, Conversation conversation, ModelId model, ChatSettings settings, Cancellation cancellation) {

    public SendMessageCommand {
        requireNonNull(session, "session == null");
        requireNonNull(conversation, "conversation == null");
        requireNonNull(model, "model == null");
        requireNonNull(settings, "settings == null");
        requireNonNull(cancellation, "cancellation == null");
        if (conversation.messages().isEmpty()) {
            throw new IllegalArgumentException("There is no message to send.");
        }
    }
}
