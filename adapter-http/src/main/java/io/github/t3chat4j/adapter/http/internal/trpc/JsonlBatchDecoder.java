package io.github.t3chat4j.adapter.http.internal.trpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes tRPC 11's streamed batch answer ({@code trpc-accept: application/jsonl}). Every line is one
 * JSON value, wrapped by superjson as {@code {"json":…}}. The first line is the head,
 * {@code {"<batch index>": <encoded>}}; each later line is {@code [chunkId, status, <encoded>]}. An
 * encoded value is {@code [[<value>], <placeholder>…]}, where a placeholder {@code [key, kind, chunkId]}
 * says that {@code value[key]} (or the value itself when {@code key} is null) is the encoded value of
 * that chunk's line, which may hold placeholders of its own. All lines are read first, so chunks may
 * arrive in any order. As in tRPC, each chunk fills one placeholder only, and chunks nest at most
 * {@value #MAX_CHUNK_DEPTH} deep, so that resolving stays linear in the body and off the stack's limit.
 */
final class JsonlBatchDecoder {

    /** tRPC's promise kind; the other kind (1) is an async iterable whose chunk has one line per item. */
    private static final int KIND_PROMISE = 0;
    /** tRPC's status of a rejected promise. */
    private static final int STATUS_REJECTED = 1;
    /** Far deeper than any answer nests promises; keeps a hostile chain of chunks from the stack's limit. */
    static final int MAX_CHUNK_DEPTH = 64;

    private final Map<Integer, List<ArrayNode>> chunks = new HashMap<>();
    private final Set<Integer> resolving = new HashSet<>();
    private final Set<Integer> resolved = new HashSet<>();

    private JsonlBatchDecoder() {
    }

    /**
     * Whether {@code line} looks like a head line: an object (optionally wrapped in {@code json}) whose
     * keys are batch indexes and whose values are encoded values.
     */
    static boolean isHead(String line, ObjectMapper mapper) {
        try {
            return head(unwrap(mapper.readTree(line))).isPresent();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * The batch's values by batch index, every placeholder resolved.
     *
     * @throws TrpcFormatException if a line is not JSON, the head is missing, a chunk never arrives, a
     *     chunk is referred to twice (or in a cycle), or chunks nest deeper than {@value #MAX_CHUNK_DEPTH}
     */
    static Map<String, JsonNode> decode(String body, ObjectMapper mapper) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                lines.add(unwrap(mapper.readTree(line)));
            } catch (JsonProcessingException e) {
                throw new TrpcFormatException("line " + (lines.size() + 1) + " of the stream is not JSON");
            }
        }
        if (lines.isEmpty()) {
            throw new TrpcFormatException("the stream is empty");
        }
        ObjectNode head = head(lines.get(0)).orElseThrow(
                () -> new TrpcFormatException("the stream does not start with a batch head"));
        JsonlBatchDecoder decoder = new JsonlBatchDecoder();
        for (JsonNode line : lines.subList(1, lines.size())) {
            if (!line.isArray() || line.size() != 3 || !line.get(0).canConvertToInt() || !line.get(1).isInt()) {
                throw new TrpcFormatException("a stream line is not [chunkId, status, value]");
            }
            decoder.chunks.computeIfAbsent(line.get(0).asInt(), id -> new ArrayList<>()).add((ArrayNode) line);
        }
        Map<String, JsonNode> batch = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : head.properties()) {
            batch.put(entry.getKey(), decoder.resolve(entry.getValue()));
        }
        return batch;
    }

    private JsonNode resolve(JsonNode encoded) {
        if (!encoded.isArray() || encoded.isEmpty() || !encoded.get(0).isArray() || encoded.get(0).size() != 1) {
            throw new TrpcFormatException("an encoded value is not [[value], placeholders…]");
        }
        JsonNode value = encoded.get(0).get(0).deepCopy();
        for (int i = 1; i < encoded.size(); i++) {
            JsonNode placeholder = encoded.get(i);
            if (!placeholder.isArray() || placeholder.size() < 3 || !placeholder.get(2).canConvertToInt()) {
                throw new TrpcFormatException("a placeholder is not [key, kind, chunkId]");
            }
            JsonNode key = placeholder.get(0);
            int chunkId = placeholder.get(2).asInt();
            if (!resolved.add(chunkId) && !resolving.contains(chunkId)) {
                throw new TrpcFormatException("chunk " + chunkId + " is referred to twice");
            }
            JsonNode chunk = placeholder.get(1).asInt() == KIND_PROMISE ? resolveChunk(chunkId)
                    : resolveIterable(chunkId);
            value = put(value, key, chunk);
        }
        return value;
    }

    private JsonNode resolveChunk(int chunkId) {
        ArrayNode line = lines(chunkId).get(0);
        JsonNode value = within(chunkId, () -> resolve(line.get(2)));
        if (line.get(1).asInt() == STATUS_REJECTED) {
            // A rejected promise carries the error where the value would be: surface it as a tRPC error.
            ObjectNode error = JsonNodeFactory.instance.objectNode();
            error.set("error", value);
            return error;
        }
        return value;
    }

    private JsonNode resolveIterable(int chunkId) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (ArrayNode line : lines(chunkId)) {
            items.add(within(chunkId, () -> resolve(line.get(2))));
        }
        return items;
    }

    private List<ArrayNode> lines(int chunkId) {
        List<ArrayNode> lines = chunks.get(chunkId);
        if (lines == null) {
            throw new TrpcFormatException("chunk " + chunkId + " never arrived");
        }
        return lines;
    }

    private JsonNode within(int chunkId, java.util.function.Supplier<JsonNode> work) {
        if (!resolving.add(chunkId)) {
            throw new TrpcFormatException("chunk " + chunkId + " refers to itself");
        }
        if (resolving.size() > MAX_CHUNK_DEPTH) {
            throw new TrpcFormatException("chunks nest deeper than " + MAX_CHUNK_DEPTH);
        }
        try {
            return work.get();
        } finally {
            resolving.remove(chunkId);
        }
    }

    private static JsonNode put(JsonNode value, JsonNode key, JsonNode resolved) {
        if (key == null || key.isNull()) {
            return resolved;
        }
        if (value instanceof ObjectNode object) {
            object.set(key.asText(), resolved);
            return object;
        }
        if (value instanceof ArrayNode array && key.canConvertToInt() && key.asInt() >= 0
                && key.asInt() < array.size()) {
            array.set(key.asInt(), resolved);
            return array;
        }
        throw new TrpcFormatException("a placeholder's key " + key + " does not fit its value");
    }

    private static JsonNode unwrap(JsonNode line) {
        if (line.isObject() && line.has("json") && line.size() <= 2 && (line.size() == 1 || line.has("meta"))) {
            return line.get("json");
        }
        return line;
    }

    private static Optional<ObjectNode> head(JsonNode line) {
        if (!(line instanceof ObjectNode object) || object.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getKey().isEmpty() || !entry.getKey().chars().allMatch(Character::isDigit)
                    || !entry.getValue().isArray()) {
                return Optional.empty();
            }
        }
        return Optional.of(object);
    }
}
