package io.github.t3chat4j.adapter.openai.internal.emulation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A call of a tool: the id that pairs it with its result (made by the wire format that asked for the
 * turn, such as {@code call_…} or {@code toolu_…}), the tool's name and its arguments (a JSON object).
 */
public record ToolCall(String id, String name, JsonNode arguments) {

    public ToolCall {
        requireNonNull(id, "id == null");
        requireNonNull(name, "name == null");
        requireNonNull(arguments, "arguments == null");
    }
}
