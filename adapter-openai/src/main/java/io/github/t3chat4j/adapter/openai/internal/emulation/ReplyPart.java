package io.github.t3chat4j.adapter.openai.internal.emulation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/** What {@link ReplyParser} makes of a model's reply: text, a call block, or a block that is no call. */
public sealed interface ReplyPart {

    /** Ordinary text (outside any block, or inside a code fence). */
    record Text(String text) implements ReplyPart {

        public Text {
            requireNonNull(text, "text == null");
        }
    }

    /** A well-formed block: the tool's name and its arguments (a JSON object), and the block as written. */
    record Call(String name, JsonNode arguments, String block) implements ReplyPart {

        public Call {
            requireNonNull(name, "name == null");
            requireNonNull(arguments, "arguments == null");
            requireNonNull(block, "block == null");
        }
    }

    /** A block whose content is not a call: the block as written, and what is wrong with it. */
    record Malformed(String block, String problem) implements ReplyPart {

        public Malformed {
            requireNonNull(block, "block == null");
            requireNonNull(problem, "problem == null");
        }
    }
}
