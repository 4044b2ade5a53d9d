package io.github.t3chat4j.domain.stream;

import static java.util.Objects.requireNonNull;

/**
 * One event of a reply stream, in the order the server sent it. The family is closed: consumers
 * handle every subtype with {@code instanceof} patterns in one place ({@link ReplyAccumulator}, the
 * CLI's renderer), and a test walks the permitted subclasses so that a new event cannot be forgotten.
 */
public sealed interface ChatEvent {

    /** A piece of the answer text; append it. */
    record TextDelta(String text) implements ChatEvent {
        public TextDelta {
            requireNonNull(text, "text == null");
        }
    }

    /** A piece of the model's reasoning, shown apart from the answer. */
    record ReasoningDelta(String text) implements ChatEvent {
        public ReasoningDelta {
            requireNonNull(text, "text == null");
        }
    }

    /** An image the reply carries: an {@code http(s)} URL to download, or an inline {@code data:} URL. */
    record ImageGenerated(String url) implements ChatEvent {
        public ImageGenerated {
            requireNonNull(url, "url == null");
            if (url.isBlank()) {
                throw new IllegalArgumentException("An image event needs a URL.");
            }
        }
    }

    /** The reply is complete; {@code finishReason} is the server's word ({@code stop}, {@code tool-calls}, …) or empty. */
    record Finished(String finishReason) implements ChatEvent {
        public Finished {
            requireNonNull(finishReason, "finishReason == null");
        }
    }

    /** The server stopped the reply ({@code abort}); what arrived before stays. */
    record Aborted() implements ChatEvent {
    }

    /** The server reported a failure inside the stream; {@code message} is its text. The reply ends here. */
    record StreamError(String message) implements ChatEvent {
        public StreamError {
            requireNonNull(message, "message == null");
        }
    }
}
