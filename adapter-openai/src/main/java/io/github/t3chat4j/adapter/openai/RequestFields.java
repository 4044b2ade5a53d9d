package io.github.t3chat4j.adapter.openai;

import static io.github.t3chat4j.adapter.openai.ApiErrorException.badRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.t3chat4j.adapter.openai.internal.emulation.EmulationException;
import io.github.t3chat4j.adapter.openai.internal.emulation.OutputFormat;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolChoice;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolDefinition;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reading the fields the OpenAI APIs share (Chat Completions and Responses): strings, numbers and flags
 * with a 400 naming the field when they are wrong, reasoning efforts, tools, tool choices and JSON
 * Schema formats.
 */
final class RequestFields {

    private RequestFields() {
    }

    /**
     * A content string, or the text parts of a content array (parts whose type is one of
     * {@code textTypes}, and refusals) joined by newlines; absent or null is empty. Other parts
     * (images, audio, files) are a 400 naming the part.
     */
    static String text(JsonNode content, String at, Set<String> textTypes) {
        if (content.isMissingNode() || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw badRequest(at, at + " must be a string or an array of content parts.");
        }
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String type = part.path("type").asText("");
            if (textTypes.contains(type) && part.path("text").isTextual()) {
                parts.add(part.path("text").asText());
            } else if (type.equals("refusal") && part.path("refusal").isTextual()) {
                parts.add(part.path("refusal").asText());
            } else {
                throw badRequest(at + "[" + j + "].type", "Content parts of type '" + shown(type) + "' are not"
                        + " supported: the gateway passes text only (no images, audio or files).");
            }
        }
        return String.join("\n", parts);
    }

    /** What a client sent, cut short and kept to visible ASCII, for a message or the log. */
    static String shown(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < 120; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    static String requiredString(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw badRequest(field, field + " is required and must be a string.");
        }
        return value.asText().strip();
    }

    /** A string, or null when absent. */
    static String optionalString(JsonNode body, String field, String at) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw badRequest(at, at + " must be a string.");
        }
        return value.asText();
    }

    static int optionalInt(JsonNode body, String field, int fallback) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw badRequest(field, field + " must be a positive integer.");
        }
        return value.asInt();
    }

    static boolean optionalBoolean(JsonNode body, String field, String at, boolean fallback) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw badRequest(at, at + " must be true or false.");
        }
        return value.asBoolean();
    }

    /** OpenAI's efforts on t3.chat's three: none and minimal are low, xhigh is high. */
    static ReasoningEffort reasoningEffort(JsonNode value, String at) {
        if (value.isMissingNode() || value.isNull()) {
            return ReasoningEffort.LOW;
        }
        return switch (value.asText("").toLowerCase(Locale.ROOT)) {
            case "none", "minimal", "low" -> ReasoningEffort.LOW;
            case "medium" -> ReasoningEffort.MEDIUM;
            case "high", "xhigh" -> ReasoningEffort.HIGH;
            default -> throw badRequest(at, at + " must be minimal, low, medium or high, got '" + value.asText() + "'.");
        };
    }

    /** A tool, wrapped so that a bad name or schema is a 400 naming {@code at}. */
    static ToolDefinition tool(String name, String description, JsonNode parameters, String at) {
        if (name == null || name.isBlank()) {
            throw badRequest(at + ".name", at + ".name is required.");
        }
        try {
            return new ToolDefinition(name, description, parameters);
        } catch (EmulationException e) {
            throw badRequest(at, e.getMessage());
        }
    }

    /**
     * A tool choice: {@code auto}, {@code none}, {@code required}, or an object naming a function
     * ({@code name} read from {@code functionName}'s place: the object itself or its {@code function}).
     */
    static ToolChoice toolChoice(JsonNode value, String at) {
        if (value.isMissingNode() || value.isNull()) {
            return ToolChoice.AUTO;
        }
        if (value.isTextual()) {
            return switch (value.asText()) {
                case "auto" -> ToolChoice.AUTO;
                case "none" -> ToolChoice.NONE;
                case "required" -> ToolChoice.REQUIRED;
                default -> throw badRequest(at, at + " must be auto, none, required or a function, got '"
                        + value.asText() + "'.");
            };
        }
        if (value.isObject() && value.path("type").asText().equals("function")) {
            JsonNode name = value.path("function").isObject() ? value.path("function").path("name") : value.path("name");
            if (name.isTextual() && !name.asText().isBlank()) {
                return new ToolChoice.Named(name.asText());
            }
        }
        throw badRequest(at, at + " must be auto, none, required or {\"type\":\"function\", …\"name\"} (other kinds of"
                + " tool choice are not supported).");
    }

    /**
     * A {@code json_schema} format's details: {@code name}, {@code description} and {@code schema} read
     * from {@code spec} ({@code strict} is accepted: the schema is always enforced).
     */
    static OutputFormat jsonSchema(JsonNode spec, String at) {
        if (!spec.isObject() || !spec.path("schema").isObject()) {
            throw badRequest(at + ".schema", at + ".schema must be a JSON Schema object.");
        }
        return new OutputFormat.JsonSchema(spec.path("name").asText(""), spec.path("description").asText(""),
                spec.path("schema"));
    }

    /** Arguments as OpenAI carries them: a string of JSON holding an object (empty means {}). */
    static JsonNode arguments(JsonNode value, String at) {
        if (value.isObject()) {
            return value;
        }
        String text = value.isTextual() ? value.asText() : "";
        if (text.isBlank()) {
            return Exchange.JSON.createObjectNode();
        }
        try {
            JsonNode parsed = Exchange.JSON.readTree(text);
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (JsonProcessingException e) {
            // Refused below.
        }
        throw badRequest(at, at + " must be a string holding a JSON object.");
    }
}
