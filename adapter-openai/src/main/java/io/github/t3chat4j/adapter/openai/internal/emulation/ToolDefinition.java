package io.github.t3chat4j.adapter.openai.internal.emulation;

import io.github.t3chat4j.adapter.openai.internal.emulation.EmulationException.Subject;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A tool the model may call: its name, what it does, and the JSON Schema of its arguments (an object
 * schema; an empty object schema when the client gave none). A name that is not 1 to 128 letters,
 * digits, {@code _}, {@code -}, {@code .} or {@code :} is refused with an {@link EmulationException}
 * (bad request).
 */
public record ToolDefinition(String name, String description, JsonNode parameters) {

    public ToolDefinition {
        requireNonNull(name, "name == null");
        description = description == null ? "" : description;
        if (!name.matches("[A-Za-z0-9_.:-]{1,128}")) {
            throw EmulationException.badRequest(Subject.TOOLS,
                    "A tool name must be 1 to 128 letters, digits, '_', '-', '.' or ':',"
                    + " got '" + shown(name) + "'.");
        }
        if (parameters == null || parameters.isNull() || parameters.isMissingNode()) {
            parameters = JsonNodeFactory.instance.objectNode().put("type", "object");
        }
        if (!parameters.isObject() && !parameters.isBoolean()) {
            throw EmulationException.badRequest(Subject.TOOLS,
                    "The parameters of tool '" + name + "' must be a JSON Schema object.");
        }
    }

    static String shown(String value) {
        String cut = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return cut.replaceAll("[\\p{Cntrl}]", "?");
    }
}
