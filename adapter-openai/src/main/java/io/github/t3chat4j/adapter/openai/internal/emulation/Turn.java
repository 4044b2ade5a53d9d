package io.github.t3chat4j.adapter.openai.internal.emulation;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One turn of the conversation a client sends: what the user said, what the assistant said (with the
 * tools it called), or the result of a tool call. t3.chat knows only user and assistant text; the
 * {@link PromptRenderer} writes calls and results into that text.
 */
public sealed interface Turn {

    /** The user's text. */
    record User(String text) implements Turn {

        public User {
            requireNonNull(text, "text == null");
        }
    }

    /** The assistant's text (possibly empty) and the tools it called (possibly none). */
    record Assistant(String text, List<ToolCall> calls) implements Turn {

        public Assistant {
            text = text == null ? "" : text;
            calls = List.copyOf(calls);
        }
    }

    /**
     * What a tool call returned: the call's id, the tool's name (null when the client did not say: it is
     * then looked up among the earlier calls), the content as text, and whether it is an error.
     */
    record ToolResult(String callId, String name, String content, boolean error) implements Turn {

        public ToolResult {
            requireNonNull(callId, "callId == null");
            content = content == null ? "" : content;
        }
    }
}
