package io.github.t3chat4j.application.port.in;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.thread.Conversation;

/**
 * Send {@code text} as the next user message of {@code conversation} (or, when {@code text} is null,
 * send the conversation as it is, for messages queued earlier) with this model and these settings.
 * {@code cancellation} stops the reply from another thread.
 */
public record SendMessageCommand(
        Conversation conversation, String text, ModelId model, ChatSettings settings, Cancellation cancellation) {

    public SendMessageCommand {
        requireNonNull(conversation, "conversation == null");
        requireNonNull(model, "model == null");
        requireNonNull(settings, "settings == null");
        requireNonNull(cancellation, "cancellation == null");
    }
}
