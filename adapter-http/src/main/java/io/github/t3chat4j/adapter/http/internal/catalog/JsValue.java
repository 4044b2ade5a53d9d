package io.github.t3chat4j.adapter.http.internal.catalog;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value {@link JsLiteralParser} read from JavaScript source, without running it. The family is
 * closed: what the parser can evaluate is a literal record, and everything else is a {@link JsUnknown}
 * that says what it was.
 */
sealed interface JsValue {

    JsNull NULL = new JsNull();
    JsUndefined UNDEFINED = new JsUndefined();

    /**
     * An object literal. {@code properties} are those known to be set, in source order; {@code unresolved}
     * lists the spreads and computed keys that could not be evaluated, any of which may add or override
     * properties.
     */
    record JsObject(Map<String, JsValue> properties, List<JsUnknown> unresolved) implements JsValue {

        static final JsObject EMPTY = new JsObject(Map.of(), List.of());

        public JsObject {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(properties,
                    "properties == null")));
            unresolved = List.copyOf(requireNonNull(unresolved, "unresolved == null"));
        }

        /** The property's value; {@link #UNDEFINED} when the object has no such property. */
        JsValue get(String key) {
            return properties.getOrDefault(key, UNDEFINED);
        }

        boolean has(String key) {
            return properties.containsKey(key);
        }

        Optional<String> string(String key) {
            return get(key) instanceof JsString s ? Optional.of(s.value()) : Optional.empty();
        }

        Optional<BigDecimal> number(String key) {
            return get(key) instanceof JsNumber n ? Optional.of(n.value()) : Optional.empty();
        }

        Optional<Boolean> bool(String key) {
            return get(key) instanceof JsBoolean b ? Optional.of(b.value()) : Optional.empty();
        }

        Optional<JsObject> object(String key) {
            return get(key) instanceof JsObject o ? Optional.of(o) : Optional.empty();
        }

        /** The items of an array or set property; empty for anything else. */
        List<JsValue> elements(String key) {
            JsValue value = get(key);
            if (value instanceof JsArray a) {
                return a.elements();
            }
            return value instanceof JsSet s ? s.elements() : List.of();
        }
    }

    /** An array literal: a hole reads as {@link #UNDEFINED}, a spread it cannot evaluate as a {@link JsUnknown}. */
    record JsArray(List<JsValue> elements) implements JsValue {
        public JsArray {
            elements = List.copyOf(requireNonNull(elements, "elements == null"));
        }
    }

    record JsString(String value) implements JsValue {
        public JsString {
            requireNonNull(value, "value == null");
        }
    }

    /**
     * A number, exact as written, in one form per value (no trailing zeros, whole numbers with scale 0),
     * so equal numbers are equal records.
     */
    record JsNumber(BigDecimal value) implements JsValue {
        /** Bigger whole numbers keep their exponent rather than spell out their digits. */
        private static final int MAX_WHOLE_SCALE = 64;

        public JsNumber {
            value = requireNonNull(value, "value == null").stripTrailingZeros();
            if (value.scale() < 0 && value.scale() > -MAX_WHOLE_SCALE) {
                value = value.setScale(0);
            }
        }
    }

    record JsBoolean(boolean value) implements JsValue {
        static final JsBoolean TRUE = new JsBoolean(true);
        static final JsBoolean FALSE = new JsBoolean(false);

        static JsBoolean of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    record JsNull() implements JsValue {
    }

    record JsUndefined() implements JsValue {
    }

    /** {@code new Set([...])}: its distinct elements in insertion order. */
    record JsSet(List<JsValue> elements) implements JsValue {
        public JsSet {
            elements = List.copyOf(requireNonNull(elements, "elements == null"));
        }
    }

    /** {@code new Map([[key, value], ...])}: its entries in insertion order. */
    record JsMap(Map<JsValue, JsValue> entries) implements JsValue {
        public JsMap {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(entries, "entries == null")));
        }
    }

    /** A regular expression literal such as {@code /ab+c/gi}, kept as text. */
    record JsRegex(String pattern, String flags) implements JsValue {
        public JsRegex {
            requireNonNull(pattern, "pattern == null");
            requireNonNull(flags, "flags == null");
        }
    }

    /**
     * An expression the parser read past but does not evaluate: what kind it is and the start of its
     * source text (at most {@value #MAX_SOURCE} characters).
     */
    record JsUnknown(Kind kind, String source) implements JsValue {

        static final int MAX_SOURCE = 80;

        public JsUnknown {
            requireNonNull(kind, "kind == null");
            requireNonNull(source, "source == null");
            if (source.length() > MAX_SOURCE) {
                source = source.substring(0, MAX_SOURCE);
            }
        }

        /** Why a value is unknown. */
        enum Kind {
            /** A variable, {@code this}, a member or an index ({@code a}, {@code a.b}, {@code a[0]}). */
            REFERENCE,
            /** A call, a tagged template or {@code new} of anything but {@code Set}, {@code Map} or {@code Date}. */
            CALL,
            /** An arrow function, function, method, accessor or class. */
            FUNCTION,
            /** A template literal with {@code ${...}} substitutions. */
            TEMPLATE,
            /** A spread whose value is not a literal in reach. */
            SPREAD,
            /** A computed key ({@code [expr]:value}) whose name is not a literal. */
            COMPUTED_KEY,
            /** An operation on values that are not all known, or whose result is not a plain value. */
            OPERATION
        }
    }
}
