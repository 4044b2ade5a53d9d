package io.github.t3chat4j.adapter.cli;

import java.util.Map;

/** A tiny JSON writer for flat objects of strings, numbers, booleans, string arrays and nulls (enough for {@code t3 ask --json}). */
final class Json {

    private Json() {
    }

    /** One JSON object, keys in the map's iteration order; values may be String, Boolean, Number,
     * a collection (written as an array of strings) or null. */
    static String object(Map<String, ?> fields) {
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            quote(json, field.getKey());
            json.append(':');
            Object value = field.getValue();
            if (value == null) {
                json.append("null");
            } else if (value instanceof Boolean b) {
                json.append(b.booleanValue());
            } else if (value instanceof java.math.BigDecimal d) {
                json.append(d.toPlainString());
            } else if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
                json.append(n);
            } else if (value instanceof java.util.Collection<?> items) {
                json.append('[');
                boolean firstItem = true;
                for (Object item : items) {
                    if (!firstItem) {
                        json.append(',');
                    }
                    firstItem = false;
                    quote(json, String.valueOf(item));
                }
                json.append(']');
            } else {
                quote(json, value.toString());
            }
        }
        return json.append('}').toString();
    }

    /** A JSON array of {@link #object} values. */
    static String array(java.util.List<? extends Map<String, ?>> objects) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(object(objects.get(i)));
        }
        return json.append(']').toString();
    }

    /** Appends {@code text} as a JSON string (RFC 8259 section 7). */
    static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
