package io.github.t3chat4j.domain.stream;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.ContentType;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.message.MessageStatus;
import io.github.t3chat4j.domain.message.Role;
import java.time.Instant;
import java.util.Optional;

/**
 * A reply assembled from a stream's events: answer text, reasoning, an optional image, the finish
 * reason, and how the stream ended. Immutable.
 *
 * @param ending {@link Ending#FINISHED} when the server said {@code finish} or {@code [DONE]};
 *     otherwise what cut it short
 * @param finishReason the server's finish reason, or empty
 * @param errorText the server's in-stream error text, or empty
 */
public record Reply(
        String text, String reasoning, Optional<ImageContent> image, Ending ending, String finishReason,
        String errorText) {

    /**
     * The largest reply body taken in, in bytes (1 GiB): a larger limit is refused. A reply of that many
     * UTF-8 bytes holds at most that many characters, so a store that reads texts up to this length reads
     * back every reply it was given.
     */
    public static final long MAX_BYTES = 1L << 30;

    /** How a stream ended. */
    public enum Ending {
        /** The server finished the reply. */
        FINISHED,
        /** The server sent {@code abort}. */
        ABORTED,
        /** The server sent an {@code error} event. */
        FAILED,
        /** The stream stopped without saying it was done (connection lost, truncated body). */
        INTERRUPTED,
        /** The user cancelled the reply while it streamed. */
        CANCELLED
    }

    public Reply {
        requireNonNull(text, "text == null");
        requireNonNull(reasoning, "reasoning == null");
        requireNonNull(image, "image == null");
        requireNonNull(ending, "ending == null");
        requireNonNull(finishReason, "finishReason == null");
        requireNonNull(errorText, "errorText == null");
    }

    public boolean isComplete() {
        return ending == Ending.FINISHED;
    }

    public ContentType contentType() {
        return image.isPresent() ? ContentType.IMAGE : ContentType.TEXT;
    }

    /**
     * The assistant message for the conversation: {@link MessageStatus#COMPLETE} when finished, else
     * {@link MessageStatus#INCOMPLETE} with whatever arrived.
     */
    public Message toMessage(MessageId id, ModelId model, Instant now) {
        return Message.builder(Role.ASSISTANT)
                .id(id)
                .text(text)
                .reasoning(reasoning)
                .image(image.orElse(null))
                .model(model)
                .status(isComplete() ? MessageStatus.COMPLETE : MessageStatus.INCOMPLETE)
                .createdAt(now)
                .build();
    }
}
