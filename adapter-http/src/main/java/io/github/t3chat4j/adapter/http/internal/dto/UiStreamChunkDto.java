package io.github.t3chat4j.adapter.http.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of one JSON object of the UI message stream ({@code data: {...}}) that a chat event needs,
 * as the stream decoder reads them (other fields are skipped). The fields whose shape varies in the
 * wild (a delta as a string or as {@code {"text":…}}, content arrays, tool outputs) stay
 * {@link JsonNode}s; any of them may be null.
 */
public record UiStreamChunkDto(
        String type,
        JsonNode delta,
        JsonNode text,
        JsonNode textDelta,
        JsonNode content,
        JsonNode output,
        JsonNode url,
        JsonNode errorText,
        JsonNode error,
        JsonNode finishReason) {
}
