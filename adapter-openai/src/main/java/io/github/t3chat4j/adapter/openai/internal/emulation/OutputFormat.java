package io.github.t3chat4j.adapter.openai.internal.emulation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shape the answer must have when it is not a tool call: free {@link Text}, any {@link JsonObject},
 * or JSON matching a {@link JsonSchema}.
 */
public sealed interface OutputFormat {

    OutputFormat TEXT = new Text();
    OutputFormat JSON_OBJECT = new JsonObject();

    record Text() implements OutputFormat {
    }

    record JsonObject() implements OutputFormat {
    }

    /** JSON valid against {@code schema}; {@code name} and {@code description} help the model (may be empty). */
    record JsonSchema(String name, String description, JsonNode schema) implements OutputFormat {

        public JsonSchema {
            name = name == null ? "" : name;
            description = description == null ? "" : description;
            requireNonNull(schema, "schema == null");
        }
    }
}
