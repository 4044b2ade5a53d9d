package io.github.t3chat4j.adapter.http.internal.trpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Encodes a procedure's input the way the browser's superjson transformer does, as the first (and
 * only) entry of a batch: {@code {"0":{"json":<input>,"meta":{"values":…}}}}. JavaScript's
 * {@code undefined} is written as {@code null} and marked in {@code meta.values} at its path, such as
 * {@code ["undefined"]} for the whole input or {@code {"sessionId":["undefined"]}} for a field.
 */
final class TrpcInput {

    /** Stands for JavaScript's {@code undefined}; {@code null} stands for JSON null. */
    static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    private TrpcInput() {
    }

    /**
     * The batch for {@code input}: null, {@link #UNDEFINED}, a String, Number or Boolean, a
     * {@code Map<String, ?>} or a {@code List<?>} of those.
     */
    static String encodeBatch(Object input, ObjectMapper mapper) {
        List<String[]> undefinedPaths = new ArrayList<>();
        JsonNode json = toJson(input, new ArrayList<>(), undefinedPaths);
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.set("json", json);
        if (!undefinedPaths.isEmpty()) {
            ObjectNode meta = entry.putObject("meta");
            if (undefinedPaths.size() == 1 && undefinedPaths.get(0).length == 0) {
                meta.putArray("values").add("undefined");
            } else {
                ObjectNode values = meta.putObject("values");
                for (String[] path : undefinedPaths) {
                    values.putArray(dotted(path)).add("undefined");
                }
            }
        }
        ObjectNode batch = JsonNodeFactory.instance.objectNode();
        batch.set("0", entry);
        try {
            return mapper.writeValueAsString(batch);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A tRPC input could not be written as JSON", e);
        }
    }

    private static JsonNode toJson(Object value, List<String> path, List<String[]> undefinedPaths) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == UNDEFINED) {
            undefinedPaths.add(path.toArray(new String[0]));
            return nodes.nullNode();
        }
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof String s) {
            return nodes.textNode(s);
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long) {
            return nodes.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return nodes.numberNode(n.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                path.add(key);
                object.set(key, toJson(e.getValue(), path, undefinedPaths));
                path.remove(path.size() - 1);
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            for (int i = 0; i < list.size(); i++) {
                path.add(Integer.toString(i));
                array.add(toJson(list.get(i), path, undefinedPaths));
                path.remove(path.size() - 1);
            }
            return array;
        }
        throw new IllegalArgumentException("A tRPC input cannot hold a " + value.getClass().getSimpleName());
    }

    /** superjson's path form: segments joined by dots, with dots and backslashes in keys escaped. */
    private static String dotted(String[] path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(segment.replace("\\", "\\\\").replace(".", "\\."));
        }
        return out.toString();
    }
}
