package io.github.t3chat4j.application.internal.usecase;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.thread.Conversation;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Send {@code text} as the next user message of {@code conversation} (or, when {@code text} is null,
 * send the conversation as it is, for messages queued earlier) with this model and these settings;
 * {@code timeout} bounds the whole reply and {@code retries} the retries of a refusal before it began
 * (both the transport's own when empty).
 */
public record SendMessageCommand(Conversation conversation, String text, ModelId model, ChatSettings settings,
        Optional<Duration> timeout, OptionalInt retries) {

    public SendMessageCommand {
        requireNonNull(conversation, "conversation == null");
        requireNonNull(model, "model == null");
        requireNonNull(settings, "settings == null");
        requireNonNull(timeout, "timeout == null");
        requireNonNull(retries, "retries == null");
    }

    /** With the transport's own deadline and retries. */
    public SendMessageCommand(Conversation conversation, String text, ModelId model, ChatSettings settings) {
        this(conversation, text, model, settings, Optional.empty(), OptionalInt.empty());
    }
}
