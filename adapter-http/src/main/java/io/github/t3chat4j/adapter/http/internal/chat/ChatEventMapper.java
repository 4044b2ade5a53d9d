package io.github.t3chat4j.adapter.http.internal.chat;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.datastream.DataStreamPart;
import io.github.t3chat4j.adapter.http.internal.dto.DataStreamItemDto;
import io.github.t3chat4j.adapter.http.internal.dto.FinishDto;
import io.github.t3chat4j.adapter.http.internal.dto.UiStreamChunkDto;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the JSON of one stream event (PROTOCOL.md 3a) or one data-stream part (3b) into domain
 * {@link ChatEvent}s. Stateless and thread-safe. Unknown types and JSON that does not parse yield no
 * event, so one bad line never loses the rest of a reply. {@code [DONE]} and the "one finish only" rule
 * are the stream decoder's business, not this class's.
 */
final class ChatEventMapper {

    private final ObjectMapper json;

    ChatEventMapper(ObjectMapper json) {
        this.json = requireNonNull(json, "json == null");
    }

    /** The events one {@code data:} payload of the UI message stream carries (often one, maybe none). */
    List<ChatEvent> fromUiMessage(String payload) {
        UiStreamChunkDto chunk;
        try {
            chunk = json.readValue(payload, UiStreamChunkDto.class);
        } catch (JsonProcessingException | IllegalArgumentException notAnEvent) {
            return List.of();
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

    /** The events one part of the older data stream carries. {@code e:} and {@code d:} both map to Finished. */
    List<ChatEvent> fromDataStream(DataStreamPart part) {
        JsonNode value;
        try {
            value = json.readTree(part.payload());
        } catch (JsonProcessingException notJson) {
            return List.of();
        }
        if (value == null) {
            return List.of();
        }
        List<ChatEvent> events = new ArrayList<>(1);
        switch (part.code()) {
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
