package io.github.t3chat4j.domain.stream;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.message.ImageContent;
import java.util.Optional;

/**
 * Folds {@link ChatEvent}s into a {@link Reply}, in arrival order. Not thread-safe: one stream, one
 * accumulator. Events after the end ({@code finish}, {@code abort}, {@code error}) are ignored.
 */
public final class ReplyAccumulator {

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private ImageContent image;
    private Reply.Ending ending;
    private String finishReason = "";
    private String errorText = "";

    /** Adds one event. */
    public void accept(ChatEvent event) {
        requireNonNull(event, "event == null");
        if (ending != null) {
            return;
        }
        if (event instanceof ChatEvent.TextDelta delta) {
            text.append(delta.text());
        } else if (event instanceof ChatEvent.ReasoningDelta delta) {
            reasoning.append(delta.text());
        } else if (event instanceof ChatEvent.ImageGenerated generated) {
            image = parseImage(generated.url());
        } else if (event instanceof ChatEvent.Finished finished) {
            finishReason = finished.finishReason();
            ending = Reply.Ending.FINISHED;
        } else if (event instanceof ChatEvent.Aborted) {
            ending = Reply.Ending.ABORTED;
        } else if (event instanceof ChatEvent.StreamError error) {
            errorText = error.message();
            ending = Reply.Ending.FAILED;
        }
    }

    // A malformed inline image must not cost the rest of the reply: it is dropped, the text stays.
    private ImageContent parseImage(String url) {
        try {
            return ImageContent.fromUrl(url);
        } catch (IllegalArgumentException malformed) {
            return image;
        }
    }

    /** True once the stream said it is done (finish, abort or error). */
    public boolean hasEnded() {
        return ending != null;
    }

    /** True once any content (text, reasoning or an image) arrived. */
    public boolean hasContent() {
        return text.length() > 0 || reasoning.length() > 0 || image != null;
    }

    /** The reply so far; a stream that has not ended counts as {@link Reply.Ending#INTERRUPTED}. */
    public Reply toReply() {
        return toReply(Reply.Ending.INTERRUPTED);
    }

    /** The reply so far; a stream that has not ended counts as {@code endingIfOpen}. */
    public Reply toReply(Reply.Ending endingIfOpen) {
        requireNonNull(endingIfOpen, "endingIfOpen == null");
        return new Reply(text.toString(), reasoning.toString(), Optional.ofNullable(image),
                ending == null ? endingIfOpen : ending, finishReason, errorText);
    }
}
