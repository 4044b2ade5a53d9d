package io.github.t3chat4j.adapter.mcp;

import io.github.t3chat4j.domain.thread.ThreadId;
import java.util.Map;
import java.util.Optional;

/**
 * A tool call's arguments, read by name. The SDK has already checked them against the tool's schema;
 * these reads say plainly what is wrong when a host sent something else anyway.
 */
final class Arguments {

    /** An argument a tool cannot use; its message says which and why. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private final Map<String, Object> values;

    Arguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** A non-blank text argument. */
    String requiredText(String name) {
        return text(name).orElseThrow(() -> new Invalid("'" + name + "' is required: give it as a non-empty string."));
    }

    /** A text argument, empty when absent or blank. */
    Optional<String> text(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new Invalid("'" + name + "' must be a string.");
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    /** A boolean argument, false when absent. */
    boolean flag(String name) {
        Object value = values.get(name);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw new Invalid("'" + name + "' must be true or false.");
        }
        return flag;
    }

    /** A whole-number argument. */
    Optional<Integer> integer(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new Invalid("'" + name + "' must be a whole number.");
        }
        return Optional.of(number.intValue());
    }

    /** A conversation id as the store knows it. */
    static ThreadId threadId(String value) {
        try {
            return ThreadId.of(value);
        } catch (IllegalArgumentException e) {
            throw new Invalid("'" + value + "' is not a conversation id; the conversations tool lists them.");
        }
    }
}
