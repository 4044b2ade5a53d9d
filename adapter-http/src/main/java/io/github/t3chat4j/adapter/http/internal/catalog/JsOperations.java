package io.github.t3chat4j.adapter.http.internal.catalog;

import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsArray;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsBoolean;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsMap;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsNull;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsNumber;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsSet;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsString;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsUndefined;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsUnknown;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link JsLiteralParser}'s operators and constructors compute from literal values, as JavaScript
 * would. Each answer is empty when the result is not a plain value (an unknown operand, a comparison,
 * a division by zero), and no input makes a computation unbounded.
 */
final class JsOperations {

    private static final int MAX_EXPONENT = 64;

    private JsOperations() {
    }

    /** Whether the value is truthy; empty for an unknown value. */
    static Optional<Boolean> truthiness(JsValue value) {
        if (value instanceof JsBoolean b) {
            return Optional.of(b.value());
        }
        if (value instanceof JsNumber n) {
            return Optional.of(n.value().signum() != 0);
        }
        if (value instanceof JsString s) {
            return Optional.of(!s.value().isEmpty());
        }
        if (value instanceof JsNull || value instanceof JsUndefined) {
            return Optional.of(false);
        }
        return value instanceof JsUnknown ? Optional.empty() : Optional.of(true);
    }

    /** {@code left operator right}: logic on known operands, string concatenation and arithmetic. */
    static Optional<JsValue> binary(JsValue left, String operator, JsValue right) {
        Optional<Boolean> truthy = truthiness(left);
        if (operator.equals("&&")) {
            return truthy.map(t -> t ? right : left);
        }
        if (operator.equals("||")) {
            return truthy.map(t -> t ? left : right);
        }
        if (operator.equals("??")) {
            return left instanceof JsUnknown ? Optional.empty()
                    : Optional.of(left instanceof JsNull || left instanceof JsUndefined ? right : left);
        }
        if (operator.equals("+") && left instanceof JsString a && right instanceof JsString b) {
            return Optional.of(new JsString(a.value() + b.value()));
        }
        if (left instanceof JsNumber a && right instanceof JsNumber b) {
            return arithmetic(a.value(), operator, b.value()).map(JsNumber::new);
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> arithmetic(BigDecimal a, String operator, BigDecimal b) {
        MathContext mc = MathContext.DECIMAL64;
        try {
            return switch (operator) {
                case "+" -> Optional.of(a.add(b, mc));
                case "-" -> Optional.of(a.subtract(b, mc));
                case "*" -> Optional.of(a.multiply(b, mc));
                case "/" -> b.signum() == 0 ? Optional.empty() : Optional.of(a.divide(b, mc));
                case "%" -> b.signum() == 0 ? Optional.empty() : Optional.of(a.remainder(b, mc));
                case "**" -> b.signum() < 0 || b.compareTo(BigDecimal.valueOf(MAX_EXPONENT)) > 0 ? Optional.empty()
                        : Optional.of(a.pow(b.intValueExact(), mc));
                default -> Optional.empty();
            };
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** {@code new type(args)} for the types literals are built with: {@code Set}, {@code Map} and {@code Date}. */
    static Optional<JsValue> construct(String type, List<JsValue> args) {
        JsValue first = args.isEmpty() ? JsValue.UNDEFINED : args.get(0);
        boolean empty = first instanceof JsUndefined || first instanceof JsNull;
        return switch (type) {
            case "Set" -> empty ? Optional.of(new JsSet(List.of()))
                    : iterable(first).map(items -> new JsSet(new ArrayList<>(new LinkedHashSet<>(items))));
            case "Map" -> empty ? Optional.of(new JsMap(Map.of())) : entries(first).map(JsMap::new);
            case "Date" -> dateText(first).map(JsString::new);
            default -> Optional.empty();
        };
    }

    /** The elements of an array or set. */
    static Optional<List<JsValue>> iterable(JsValue value) {
        if (value instanceof JsArray a) {
            return Optional.of(a.elements());
        }
        return value instanceof JsSet s ? Optional.of(s.elements()) : Optional.empty();
    }

    /** A number used as a property name: plain digits where JavaScript writes them so, else its exponent form. */
    static String propertyName(BigDecimal number) {
        BigDecimal n = number.stripTrailingZeros();
        return n.precision() - n.scale() <= 21 && n.scale() <= 20 ? n.toPlainString() : n.toString();
    }

    private static Optional<Map<JsValue, JsValue>> entries(JsValue value) {
        Optional<List<JsValue>> pairs = iterable(value);
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        Map<JsValue, JsValue> map = new LinkedHashMap<>();
        for (JsValue pair : pairs.get()) {
            if (!(pair instanceof JsArray kv) || kv.elements().isEmpty()) {
                return Optional.empty();
            }
            map.put(kv.elements().get(0), kv.elements().size() > 1 ? kv.elements().get(1) : JsValue.UNDEFINED);
        }
        return Optional.of(map);
    }

    /** {@code new Date(..)} as text: a string as written, epoch milliseconds as an ISO instant. */
    private static Optional<String> dateText(JsValue value) {
        if (value instanceof JsString s) {
            return Optional.of(s.value());
        }
        if (value instanceof JsNumber n) {
            try {
                return Optional.of(Instant.ofEpochMilli(n.value().longValueExact()).toString());
            } catch (ArithmeticException | DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
