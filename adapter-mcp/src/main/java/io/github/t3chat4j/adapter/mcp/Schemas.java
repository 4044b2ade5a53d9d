package io.github.t3chat4j.adapter.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Schemas (draft 2020-12, as MCP takes them) for the tools' input and output, as plain maps. */
final class Schemas {

    private Schemas() {
    }

    /** An object with these properties (in this order), of which {@code required} must be present. */
    static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** An object with these properties that may carry others too (outputs grow without breaking hosts). */
    static Map<String, Object> openObject(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = object(properties, required);
        schema.remove("additionalProperties");
        return schema;
    }

    static Map<String, Object> string(String description) {
        return typed("string", description);
    }

    static Map<String, Object> nonEmptyString(String description) {
        Map<String, Object> schema = typed("string", description);
        schema.put("minLength", 1);
        return schema;
    }

    static Map<String, Object> bool(String description) {
        return typed("boolean", description);
    }

    static Map<String, Object> number(String description) {
        return typed("number", description);
    }

    static Map<String, Object> integer(String description, int minimum, int maximum) {
        Map<String, Object> schema = typed("integer", description);
        schema.put("minimum", minimum);
        schema.put("maximum", maximum);
        return schema;
    }

    static Map<String, Object> oneOf(String description, List<String> values) {
        Map<String, Object> schema = typed("string", description);
        schema.put("enum", values);
        return schema;
    }

    static Map<String, Object> array(String description, Map<String, Object> items) {
        Map<String, Object> schema = typed("array", description);
        schema.put("items", items);
        return schema;
    }

    /** Properties in the order given: {@code name, schema, name, schema, …}. */
    static Map<String, Object> properties(Object... pairs) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put((String) pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    private static Map<String, Object> typed(String type, String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (!description.isEmpty()) {
            schema.put("description", description);
        }
        return schema;
    }
}
