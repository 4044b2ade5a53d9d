package io.github.t3chat4j.adapter.http.internal.chat;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.t3chat4j.adapter.http.internal.dto.DataStreamItemDto;
import io.github.t3chat4j.adapter.http.internal.dto.FinishDto;
import io.github.t3chat4j.adapter.http.internal.dto.UiStreamChunkDto;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the JSON of one stream event (PROTOCOL.md 3a) or one data-stream part (3b), as raw UTF-8 bytes,
 * into domain {@link ChatEvent}s. The common text delta takes the {@link TextDeltaFastPath}; every other
 * event is read with Jackson's streaming {@link JsonParser}, field by field, keeping only the fields a
 * chat event needs (unknown fields are skipped, in any order). Stateless and thread-safe. Unknown types
 * and JSON that does not parse yield no event, so one bad line never loses the rest of a reply.
 * {@code [DONE]} and the "one finish only" rule are the stream decoder's business, not this class's.
 */
final class ChatEventMapper {

    private final ObjectMapper json;

    ChatEventMapper(ObjectMapper json) {
        this.json = requireNonNull(json, "json == null");
    }

    /** The events one {@code data:} payload of the UI message stream carries (often one, maybe none). */
    List<ChatEvent> fromUiMessage(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return fromUiMessage(bytes, 0, bytes.length);
    }

    /** The events of the payload {@code bytes[offset .. offset + length)}; the bytes are not kept. */
    List<ChatEvent> fromUiMessage(byte[] bytes, int offset, int length) {
        String delta = TextDeltaFastPath.uiMessageDelta(bytes, offset, length);
        if (delta != null) {
            return delta.isEmpty() ? List.of() : List.of(new ChatEvent.TextDelta(delta));
        }
        return fromUiMessageParsed(bytes, offset, length);
    }

    /** The general path alone, without the fast path: what {@link #fromUiMessage} falls back to. */
    List<ChatEvent> fromUiMessageParsed(byte[] bytes, int offset, int length) {
        UiStreamChunkDto chunk;
        try {
            chunk = readChunk(bytes, offset, length);
        } catch (IOException notAnEvent) {
            chunk = readChunkOfMalformedUtf8(bytes, offset, length);
        }
        if (chunk == null || chunk.type() == null) {
            return List.of();
        }
        List<ChatEvent> events = new ArrayList<>(1);
        switch (chunk.type()) {
            case "text-delta":
            case "text":
                addText(events, firstText(chunk.delta(), chunk.textDelta(), chunk.text(), chunk.content()), false);
                break;
            case "reasoning-delta":
            case "reasoning":
                addText(events, firstText(chunk.delta(), chunk.textDelta(), chunk.text(), chunk.content()), true);
                break;
            case "tool-output-available":
            case "tool-output-partially-available":
                imageUrlsOfToolOutput(chunk.output(), events);
                break;
            case "image-gen":
                addImage(events, imageUrlOfImageGen(chunk));
                break;
            case "error":
                events.add(new ChatEvent.StreamError(errorText(chunk)));
                break;
            case "finish":
                events.add(new ChatEvent.Finished(textOrEmpty(chunk.finishReason())));
                break;
            case "abort":
                events.add(new ChatEvent.Aborted());
                break;
            default:
                // start, start-step, text-start, tool-input-*, and types yet unknown carry nothing to show.
                break;
        }
        return events;
    }

    /**
     * Reads the fields of one event object with the streaming parser; null when the payload is not an
     * object. Like binding a DTO: trailing content is ignored and a repeated field keeps its last value.
     */
    private UiStreamChunkDto readChunk(byte[] bytes, int offset, int length) throws IOException {
        try (JsonParser parser = json.createParser(bytes, offset, length)) {
            return readChunk(parser);
        }
    }

    /**
     * A payload Jackson refused may hold malformed UTF-8, which the reply's text has always shown as
     * U+FFFD: read it once more as decoded text. Null when it still is no event.
     */
    private UiStreamChunkDto readChunkOfMalformedUtf8(byte[] bytes, int offset, int length) {
        if (!hasNonAscii(bytes, offset, length)) {
            return null;
        }
        try (JsonParser parser = json.createParser(new String(bytes, offset, length, StandardCharsets.UTF_8))) {
            return readChunk(parser);
        } catch (IOException notAnEvent) {
            return null;
        }
    }

    private static UiStreamChunkDto readChunk(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String type = null;
        JsonNode delta = null;
        JsonNode text = null;
        JsonNode textDelta = null;
        JsonNode content = null;
        JsonNode output = null;
        JsonNode url = null;
        JsonNode errorText = null;
        JsonNode error = null;
        JsonNode finishReason = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token != JsonToken.FIELD_NAME) {
                throw new JsonParseException(parser, "Expected a field name");
            }
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> {
                    if (value.isStructStart()) {
                        // Bound to a String, an object or array fails the whole event.
                        return null;
                    }
                    type = value == JsonToken.VALUE_NULL ? null : parser.getText();
                }
                case "delta" -> delta = node(parser, value);
                case "text" -> text = node(parser, value);
                case "textDelta" -> textDelta = node(parser, value);
                case "content" -> content = node(parser, value);
                case "output" -> output = node(parser, value);
                case "url" -> url = node(parser, value);
                case "errorText" -> errorText = node(parser, value);
                case "error" -> error = node(parser, value);
                case "finishReason" -> finishReason = node(parser, value);
                default -> parser.skipChildren();
            }
        }
        return new UiStreamChunkDto(type, delta, text, textDelta, content, output, url, errorText, error, finishReason);
    }

    /** A string as a text node without building a tree; anything else (rare) as the tree it is. */
    private static JsonNode node(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return TextNode.valueOf(parser.getText());
        }
        if (value == JsonToken.VALUE_NULL) {
            return NullNode.getInstance();
        }
        return parser.readValueAsTree();
    }

    private static boolean hasNonAscii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /** The events one part of the older data stream carries, given as its code and raw JSON payload. */
    List<ChatEvent> fromDataStream(String code, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return fromDataStream(code, bytes, 0, bytes.length);
    }

    /** The events of the part {@code code:payload[offset .. offset + length)}. {@code e:} and {@code d:} both map to Finished. */
    List<ChatEvent> fromDataStream(String code, byte[] payload, int offset, int length) {
        boolean reasoning = code.equals("g");
        if (reasoning || code.equals("0")) {
            String text = TextDeltaFastPath.dataStreamText(payload, offset, length);
            if (text != null) {
                return text.isEmpty() ? List.of()
                        : List.of(reasoning ? new ChatEvent.ReasoningDelta(text) : new ChatEvent.TextDelta(text));
            }
        }
        return fromDataStreamParsed(code, payload, offset, length);
    }

    /** The general path alone, without the fast path: what {@link #fromDataStream} falls back to. */
    List<ChatEvent> fromDataStreamParsed(String code, byte[] payload, int offset, int length) {
        JsonNode value;
        try {
            value = json.readTree(payload, offset, length);
        } catch (IOException notJson) {
            try {
                value = hasNonAscii(payload, offset, length)
                        ? json.readTree(new String(payload, offset, length, StandardCharsets.UTF_8)) : null;
            } catch (IOException stillNotJson) {
                value = null;
            }
        }
        if (value == null) {
            return List.of();
        }
        List<ChatEvent> events = new ArrayList<>(1);
        switch (code) {
            case "0":
                addText(events, textOf(value), false);
                break;
            case "g":
                addText(events, textOf(value), true);
                break;
            case "2":
                imageUrlsOfDataItems(value, events);
                break;
            case "3":
                events.add(new ChatEvent.StreamError(value.isTextual() ? value.asText() : value.toString()));
                break;
            case "e":
            case "d":
                events.add(new ChatEvent.Finished(finishReasonOf(value)));
                break;
            default:
                // f: (start) and other codes carry nothing to show.
                break;
        }
        return events;
    }

    private String finishReasonOf(JsonNode value) {
        try {
            FinishDto finish = json.treeToValue(value, FinishDto.class);
            return finish == null || finish.finishReason() == null ? "" : finish.finishReason();
        } catch (JsonProcessingException | IllegalArgumentException notAnObject) {
            return "";
        }
    }

    private void imageUrlsOfDataItems(JsonNode items, List<ChatEvent> events) {
        if (!items.isArray()) {
            return;
        }
        for (JsonNode node : items) {
            DataStreamItemDto item;
            try {
                item = json.treeToValue(node, DataStreamItemDto.class);
            } catch (JsonProcessingException | IllegalArgumentException notAnItem) {
                continue;
            }
            if (item != null && "image-gen".equals(item.type())) {
                String url = unquote(textOrEmpty(item.content()));
                addImage(events, url.isEmpty() ? textOrEmpty(item.url()) : url);
            }
        }
    }

    private String imageUrlOfImageGen(UiStreamChunkDto chunk) {
        String url = textOrEmpty(chunk.url());
        if (url.isEmpty()) {
            url = unquote(textOrEmpty(chunk.content()));
        }
        if (url.isEmpty() && chunk.delta() != null) {
            url = textOrEmpty(chunk.delta().get("url"));
        }
        return url;
    }

    private static void imageUrlsOfToolOutput(JsonNode output, List<ChatEvent> events) {
        if (output == null) {
            return;
        }
        if (output.isObject()) {
            addImage(events, textOrEmpty(output.get("url")));
            JsonNode nested = output.get("output");
            if (nested != null && nested.isArray()) {
                nested.forEach(item -> addImage(events, textOrEmpty(item.get("url"))));
            }
        } else if (output.isArray()) {
            output.forEach(item -> addImage(events, textOrEmpty(item.get("url"))));
        }
    }

    /** A URL sent as a JSON-encoded string ({@code "\"https://…\""}) is decoded; a plain one is kept. */
    private String unquote(String value) {
        String trimmed = value.strip();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            try {
                return json.readValue(trimmed, String.class);
            } catch (JsonProcessingException notJson) {
                return trimmed.substring(1, trimmed.length() - 1);
            }
        }
        return trimmed;
    }

    private static String errorText(UiStreamChunkDto chunk) {
        String text = textOrEmpty(chunk.errorText());
        if (text.isEmpty() && chunk.error() != null) {
            text = chunk.error().isObject() ? textOrEmpty(chunk.error().get("message")) : textOrEmpty(chunk.error());
        }
        return text.isEmpty() ? "The server reported an error without a message." : text;
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            String text = textOf(candidate);
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    /** The text of a string, of {@code {"text":…}} (or {@code {"delta":…}}), or of an array of those, joined. */
    private static String textOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isObject()) {
            JsonNode text = node.has("text") ? node.get("text") : node.get("delta");
            return text != null && text.isTextual() ? text.asText() : "";
        }
        if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            node.forEach(item -> joined.append(textOf(item)));
            return joined.toString();
        }
        return "";
    }

    private static String textOrEmpty(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : "";
    }

    private static void addText(List<ChatEvent> events, String text, boolean reasoning) {
        if (!text.isEmpty()) {
            events.add(reasoning ? new ChatEvent.ReasoningDelta(text) : new ChatEvent.TextDelta(text));
        }
    }

    private static void addImage(List<ChatEvent> events, String url) {
        if (!url.isBlank()) {
            events.add(new ChatEvent.ImageGenerated(url.strip()));
        }
    }
}
