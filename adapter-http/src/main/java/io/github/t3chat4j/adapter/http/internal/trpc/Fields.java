package io.github.t3chat4j.adapter.http.internal.trpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the fields of one JSON object of a procedure's answer. Optional fields that are missing or
 * null read as empty; a field of the wrong type, or a required one that is missing, is an
 * {@link io.github.t3chat4j.application.error.UnexpectedResponseException} naming the procedure.
 */
final class Fields {

    private final String procedure;
    private final String where;
    private final JsonNode node;

    private Fields(String procedure, String where, JsonNode node) {
        this.procedure = procedure;
        this.where = where;
        this.node = node;
    }

    /** The object {@code node}, which must be one. */
    static Fields of(String procedure, String where, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw TrpcClient.unexpectedShape(procedure, where + " is " + kind(node) + ", not an object");
        }
        return new Fields(procedure, where, node);
    }

    String text(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            return "";
        }
        if (!value.isValueNode()) {
            throw wrongType(name, "a text");
        }
        return value.asText();
    }

    /** A required text that is not blank. */
    String requiredText(String name) {
        String value = text(name);
        if (value.isBlank()) {
            throw missing(name);
        }
        return value;
    }

    boolean bool(String name, boolean whenMissing) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            return whenMissing;
        }
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false");
        }
        return value.booleanValue();
    }

    BigDecimal requiredNumber(String name) {
        return number(name).orElseThrow(() -> missing(name));
    }

    Optional<BigDecimal> number(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw wrongType(name, "a number");
        }
        return Optional.of(value.decimalValue());
    }

    OptionalDouble percentage(String name) {
        Optional<BigDecimal> value = number(name);
        return value.isPresent() ? OptionalDouble.of(value.get().doubleValue()) : OptionalDouble.empty();
    }

    /** A point in time written as epoch milliseconds or as an ISO-8601 text. */
    Optional<Instant> instant(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(value.longValue()));
        }
        if (value.isTextual()) {
            try {
                return Optional.of(Instant.parse(value.asText()));
            } catch (DateTimeParseException e) {
                throw wrongType(name, "a date");
            }
        }
        throw wrongType(name, "a date");
    }

    /** The nested object, or empty when missing or null. */
    Optional<Fields> object(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            return Optional.empty();
        }
        return Optional.of(of(procedure, where + "." + name, value));
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private RuntimeException missing(String name) {
        return TrpcClient.unexpectedShape(procedure, where + "." + name + " is missing");
    }

    private RuntimeException wrongType(String name, String expected) {
        return TrpcClient.unexpectedShape(procedure, where + "." + name + " is " + kind(node.get(name))
                + ", not " + expected);
    }

    static String kind(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
