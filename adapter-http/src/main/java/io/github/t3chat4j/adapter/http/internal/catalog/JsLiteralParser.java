package io.github.t3chat4j.adapter.http.internal.catalog;

import static io.github.t3chat4j.adapter.http.internal.catalog.JsSource.isIdentifierPart;
import static io.github.t3chat4j.adapter.http.internal.catalog.JsSource.isIdentifierStart;

import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsArray;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsBoolean;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsNull;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsNumber;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsObject;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsRegex;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsString;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsUndefined;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsUnknown;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsUnknown.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one JavaScript expression out of minified source as a {@link JsValue}, without running
 * anything. Literals are evaluated: objects (with spreads of literals and of names the source declares
 * once), arrays, strings, templates without substitutions, numbers and their arithmetic
 * ({@code 0.3/1e6}), {@code !0}, {@code void 0}, regular expressions, {@code new Set}, {@code new Map}
 * and {@code new Date("...")} (read as its text). Anything else it can read past (a variable, a call, a
 * function, a template with {@code ${}}) is a {@link JsUnknown}. Not thread-safe; one parser per value.
 */
final class JsLiteralParser {

    /** Each bracket costs about three levels, so values nest some sixty brackets deep at most. */
    private static final int MAX_DEPTH = 192;
    private static final int MAX_NUMBER_LENGTH = 100;
    private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(
            Map.entry("??", 1), Map.entry("||", 1), Map.entry("&&", 2), Map.entry("|", 3), Map.entry("^", 4),
            Map.entry("&", 5), Map.entry("==", 6), Map.entry("!=", 6), Map.entry("===", 6), Map.entry("!==", 6),
            Map.entry("<", 7), Map.entry(">", 7), Map.entry("<=", 7), Map.entry(">=", 7), Map.entry("in", 7),
            Map.entry("instanceof", 7), Map.entry("<<", 8), Map.entry(">>", 8), Map.entry(">>>", 8),
            Map.entry("+", 9), Map.entry("-", 9), Map.entry("*", 10), Map.entry("/", 10), Map.entry("%", 10),
            Map.entry("**", 11));
    /** The binary operators written with symbols, longest first so that {@code ===} is not read as {@code ==}. */
    private static final List<String> SYMBOL_OPERATORS = PRECEDENCE.keySet().stream()
            .filter(op -> !Character.isLetter(op.charAt(0)))
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    private static final List<String> ASSIGNMENT_OPERATORS = List.of(">>>=", "**=", "<<=", ">>=", "&&=", "||=", "??=",
            "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "=");
    /** The first characters of every binary and assignment operator: anything else ends an operand quickly. */
    private static final String OPERATOR_STARTS = "=!<>&|?*/%+-^i";
    private static final List<String> UNARY_WORDS = List.of("void", "typeof", "delete", "await");

    private final JsSource source;
    private final String src;
    private final int origin;
    private int pos;
    private int depth;

    /** A parser of the value at {@code start} of a text of its own. */
    JsLiteralParser(String src, int start) {
        this(new JsSource(src), start, 0);
    }

    /** A parser of the value at {@code start}, sharing with other parsers of the same source. */
    JsLiteralParser(JsSource source, int start) {
        this(source, start, 0);
    }

    JsLiteralParser(JsSource source, int start, int depth) {
        this.source = source;
        this.src = source.text();
        this.origin = start;
        this.pos = start;
        this.depth = depth;
    }

    /** Where the parser stands: just after the last value read. */
    int position() {
        return pos;
    }

    /**
     * Reads the value that starts at the current position. After a {@link ParseFailure} the parser is
     * spent: the failure does not unwind its state.
     *
     * @throws ParseFailure when the text there is not a value this parser can get past, or nests deeper
     *     than it reads
     */
    JsValue readValue() {
        return expression();
    }

    /** The source does not hold a readable value here. Has no stack trace: it is routine. */
    static final class ParseFailure extends RuntimeException {
        ParseFailure(String message) {
            super(message, null, false, false);
        }
    }

    private JsValue expression() {
        enter();
        int start = skipSpace();
        JsValue value = conditional();
        skipSpace();
        String assignment = OPERATOR_STARTS.indexOf(peek()) < 0 ? null : operatorAt(ASSIGNMENT_OPERATORS);
        if (assignment != null && !src.startsWith("=>", pos)) {
            pos += assignment.length();
            expression();
            value = unknown(Kind.OPERATION, start);
        }
        depth--;
        return value;
    }

    private JsValue conditional() {
        int start = pos;
        JsValue condition = binary(0);
        skipSpace();
        if (peek() != '?' || peekAt(1) == '?' || (peekAt(1) == '.' && !Character.isDigit(peekAt(2)))) {
            return condition;
        }
        pos++;
        JsValue whenTrue = expression();
        expect(':');
        JsValue whenFalse = expression();
        Optional<Boolean> truthy = JsOperations.truthiness(condition);
        return truthy.isEmpty() ? unknown(Kind.OPERATION, start) : truthy.get() ? whenTrue : whenFalse;
    }

    /** Precedence climbing over the binary operators; {@code **} groups to the right. */
    private JsValue binary(int minPrecedence) {
        enter();
        int start = pos;
        JsValue left = unary();
        while (true) {
            skipSpace();
            String operator = binaryOperatorAt();
            if (operator == null || PRECEDENCE.get(operator) < minPrecedence) {
                depth--;
                return left;
            }
            pos += operator.length();
            int precedence = PRECEDENCE.get(operator);
            JsValue right = binary(operator.equals("**") ? precedence : precedence + 1);
            left = JsOperations.binary(left, operator, right).orElse(unknown(Kind.OPERATION, start));
        }
    }

    private String binaryOperatorAt() {
        if (OPERATOR_STARTS.indexOf(peek()) < 0) {
            return null;
        }
        if (isWordAt("instanceof")) {
            return "instanceof";
        }
        if (isWordAt("in")) {
            return "in";
        }
        if (operatorAt(ASSIGNMENT_OPERATORS) != null && !src.startsWith("==", pos) && !src.startsWith("=>", pos)) {
            return null;
        }
        return operatorAt(SYMBOL_OPERATORS);
    }

    private String operatorAt(List<String> operators) {
        for (String op : operators) {
            if (src.startsWith(op, pos)) {
                return op;
            }
        }
        return null;
    }

    private JsValue unary() {
        enter();
        int start = skipSpace();
        char c = peek();
        JsValue value;
        String word = isIdentifierStart(c) ? unaryWordAt() : null;
        if (c == '!') {
            pos++;
            Optional<Boolean> truthy = JsOperations.truthiness(unary());
            value = truthy.isPresent() ? JsBoolean.of(!truthy.get()) : unknown(Kind.OPERATION, start);
        } else if (c == '-' || c == '+' || c == '~') {
            pos++;
            JsValue operand = unary();
            value = c != '~' && operand instanceof JsNumber n ? (c == '-' ? new JsNumber(n.value().negate()) : n)
                    : unknown(Kind.OPERATION, start);
        } else if (word != null) {
            pos += word.length();
            unary();
            value = word.equals("void") ? JsValue.UNDEFINED : unknown(Kind.OPERATION, start);
        } else {
            value = postfix(primary(), start);
        }
        depth--;
        return value;
    }

    private String unaryWordAt() {
        for (String word : UNARY_WORDS) {
            if (isWordAt(word)) {
                return word;
            }
        }
        return null;
    }

    /** Member access, calls, indexing and tagged templates after a value: the result is unknown. */
    private JsValue postfix(JsValue value, int start) {
        JsValue result = value;
        while (true) {
            skipSpace();
            char c = peek();
            if (c == '.' && !src.startsWith("...", pos) && !Character.isDigit(peekAt(1))) {
                pos++;
                skipSpace();
                identifier();
                result = unknown(Kind.REFERENCE, start);
            } else if (c == '?' && peekAt(1) == '.' && !Character.isDigit(peekAt(2))) {
                pos += 2;
                skipSpace();
                if (peek() != '(' && peek() != '[') {
                    identifier();
                }
                result = unknown(Kind.REFERENCE, start);
            } else if (c == '(') {
                pos = source.skipBalanced(pos);
                result = unknown(Kind.CALL, start);
            } else if (c == '[') {
                pos = source.skipBalanced(pos);
                result = unknown(Kind.REFERENCE, start);
            } else if (c == '`' && result instanceof JsUnknown) {
                template();
                result = unknown(Kind.CALL, start);
            } else {
                return result;
            }
        }
    }

    private JsValue primary() {
        int start = skipSpace();
        char c = peek();
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        if (c == '"' || c == '\'') {
            return new JsString(quoted(c));
        }
        if (c == '`') {
            return template();
        }
        if (c == '/') {
            return regex();
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peekAt(1)))) {
            return new JsNumber(number());
        }
        if (c == '(') {
            pos = source.skipBalanced(pos);
            skipSpace();
            if (src.startsWith("=>", pos)) {
                pos += 2;
                arrowBody();
                return unknown(Kind.FUNCTION, start);
            }
            int close = pos;
            pos = start + 1;
            JsValue inner = expression();
            skipSpace();
            while (peek() == ',') {
                pos++;
                inner = expression();
                skipSpace();
            }
            expect(')');
            if (pos != close) {
                throw new ParseFailure("unexpected text in parentheses at " + pos);
            }
            return inner;
        }
        if (isIdentifierStart(c)) {
            return word(start);
        }
        throw new ParseFailure("unexpected '" + c + "' at " + pos);
    }

    private JsValue word(int start) {
        String name = identifier();
        skipSpace();
        switch (name) {
            case "true":
                return JsBoolean.TRUE;
            case "false":
                return JsBoolean.FALSE;
            case "null":
                return JsValue.NULL;
            case "undefined":
                return JsValue.UNDEFINED;
            case "new":
                return construct(start);
            case "function":
                skipFunction();
                return unknown(Kind.FUNCTION, start);
            case "class":
                skipClass();
                return unknown(Kind.FUNCTION, start);
            case "async":
                if (isIdentifierStart(peek()) || peek() == '(') {
                    JsValue function = primary();
                    return function instanceof JsUnknown ? unknown(Kind.FUNCTION, start) : function;
                }
                break;
            default:
                break;
        }
        if (src.startsWith("=>", pos)) {
            pos += 2;
            arrowBody();
            return unknown(Kind.FUNCTION, start);
        }
        return unknown(Kind.REFERENCE, start);
    }

    /** After {@code function}: an optional {@code *} and name, the parameters and the body. */
    private void skipFunction() {
        if (peek() == '*') {
            pos++;
            skipSpace();
        }
        if (isIdentifierStart(peek())) {
            identifier();
            skipSpace();
        }
        skipBalancedAt('(');
        skipBalancedAt('{');
    }

    /** After {@code class}: an optional name, an optional {@code extends} expression and the body. */
    private void skipClass() {
        if (isIdentifierStart(peek()) && !isWordAt("extends")) {
            identifier();
            skipSpace();
        }
        if (isWordAt("extends")) {
            pos += "extends".length();
            unary();
        }
        skipBalancedAt('{');
    }

    private JsValue construct(int start) {
        if (peek() == '.') {
            pos++;
            skipSpace();
            identifier();
            return unknown(Kind.REFERENCE, start);
        }
        if (!isIdentifierStart(peek())) {
            unary();
            return unknown(Kind.CALL, start);
        }
        String type = identifier();
        skipSpace();
        while (peek() == '.') {
            pos++;
            skipSpace();
            type = identifier();
            skipSpace();
        }
        List<JsValue> args = peek() == '(' ? arguments() : List.of();
        return JsOperations.construct(type, args).orElseGet(() -> unknown(Kind.CALL, start));
    }

    private List<JsValue> arguments() {
        expect('(');
        List<JsValue> args = new ArrayList<>();
        while (true) {
            int start = skipSpace();
            if (peek() == ')') {
                pos++;
                return args;
            }
            if (src.startsWith("...", pos)) {
                pos += 3;
                expression();
                args.add(unknown(Kind.SPREAD, start));
            } else {
                args.add(expression());
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != ')') {
                throw new ParseFailure("expected ',' or ')' at " + pos);
            }
        }
    }

    private void arrowBody() {
        skipSpace();
        if (peek() == '{') {
            pos = source.skipBalanced(pos);
        } else {
            expression();
        }
    }

    private JsObject object() {
        failIfKnownUnbalanced();
        expect('{');
        Map<String, JsValue> properties = new LinkedHashMap<>();
        List<JsUnknown> unresolved = new ArrayList<>();
        while (true) {
            int start = skipSpace();
            if (peek() == '}') {
                pos++;
                return new JsObject(properties, unresolved);
            }
            if (src.startsWith("...", pos)) {
                pos += 3;
                spreadInto(properties, unresolved, start);
            } else {
                property(properties, unresolved, start);
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw new ParseFailure("expected ',' or '}' at " + pos);
            }
        }
    }

    /** {@code ...value} in an object: the properties of a literal or of a name declared with one. */
    private void spreadInto(Map<String, JsValue> properties, List<JsUnknown> unresolved, int start) {
        JsValue value = spreadOperand();
        if (value instanceof JsObject o) {
            source.copy(o.properties().size() + o.unresolved().size());
            properties.putAll(o.properties());
            unresolved.addAll(o.unresolved());
        } else if (value instanceof JsArray a) {
            source.copy(a.elements().size());
            for (int i = 0; i < a.elements().size(); i++) {
                properties.put(String.valueOf(i), a.elements().get(i));
            }
        } else if (!(value instanceof JsNull || value instanceof JsUndefined || value instanceof JsBoolean
                || value instanceof JsNumber)) {
            unresolved.add(unknown(Kind.SPREAD, start));
        }
    }

    /**
     * The value after {@code ...}. A name, or a path of names ({@code base.app}), resolves to what the
     * source declares the name with; anything else is read as it stands.
     */
    private JsValue spreadOperand() {
        int start = skipSpace();
        JsValue value = expression();
        if (!(value instanceof JsUnknown u) || u.kind() != Kind.REFERENCE) {
            return value;
        }
        String[] path = src.substring(start, pos).strip().split("\\.", -1);
        if (!Arrays.stream(path).allMatch(JsLiteralParser::isName)) {
            return value;
        }
        Optional<JsValue> resolved = source.declaredValue(path[0], depth);
        for (int i = 1; i < path.length && resolved.isPresent(); i++) {
            String key = path[i];
            resolved = resolved.get() instanceof JsObject o && o.has(key) ? Optional.of(o.get(key)) : Optional.empty();
        }
        return resolved.orElse(value);
    }

    private void property(Map<String, JsValue> properties, List<JsUnknown> unresolved, int start) {
        if (peek() == '*') {
            pos++;
            skipSpace();
        }
        Optional<String> key = key(unresolved, start);
        skipSpace();
        if (key.isPresent() && (key.get().equals("get") || key.get().equals("set") || key.get().equals("async"))
                && peek() != ':' && peek() != ',' && peek() != '}' && peek() != '(') {
            if (peek() == '*') {
                pos++;
            }
            key = key(unresolved, start);
            skipSpace();
        }
        JsValue value;
        if (peek() == ':') {
            pos++;
            value = expression();
        } else if (peek() == '(') {
            pos = source.skipBalanced(pos);
            skipBalancedAt('{');
            value = unknown(Kind.FUNCTION, start);
        } else {
            value = unknown(Kind.REFERENCE, start);
        }
        key.ifPresent(k -> properties.put(k, value));
    }

    /** An object key; empty, and noted as unresolved, for a computed key that is not a literal. */
    private Optional<String> key(List<JsUnknown> unresolved, int start) {
        skipSpace();
        char c = peek();
        if (c == '"' || c == '\'') {
            return Optional.of(quoted(c));
        }
        if (c == '[') {
            pos++;
            JsValue computed = expression();
            expect(']');
            if (computed instanceof JsString s) {
                return Optional.of(s.value());
            }
            if (computed instanceof JsNumber n) {
                return Optional.of(JsOperations.propertyName(n.value()));
            }
            unresolved.add(unknown(Kind.COMPUTED_KEY, start));
            return Optional.empty();
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peekAt(1)))) {
            return Optional.of(JsOperations.propertyName(number()));
        }
        if (isIdentifierStart(c)) {
            return Optional.of(identifier());
        }
        throw new ParseFailure("expected a key at " + pos);
    }

    private JsArray array() {
        failIfKnownUnbalanced();
        expect('[');
        List<JsValue> items = new ArrayList<>();
        while (true) {
            int start = skipSpace();
            if (peek() == ']') {
                pos++;
                return new JsArray(items);
            }
            if (peek() == ',') {
                pos++;
                items.add(JsValue.UNDEFINED);
                continue;
            }
            if (src.startsWith("...", pos)) {
                pos += 3;
                JsValue value = spreadOperand();
                Optional<List<JsValue>> spread = JsOperations.iterable(value);
                if (spread.isPresent()) {
                    source.copy(spread.get().size());
                    items.addAll(spread.get());
                } else {
                    items.add(unknown(Kind.SPREAD, start));
                }
            } else {
                items.add(expression());
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != ']') {
                throw new ParseFailure("expected ',' or ']' at " + pos);
            }
        }
    }

    private String quoted(char quote) {
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\') {
                escape(out);
            } else if (c == '\n' || c == '\r') {
                break;
            } else {
                out.append(c);
            }
        }
        throw new ParseFailure("unterminated string");
    }

    /** A template literal: its text, or unknown when it has substitutions. */
    private JsValue template() {
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        boolean substituted = false;
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '`') {
                return substituted ? unknown(Kind.TEMPLATE, start) : new JsString(out.toString());
            }
            if (c == '\\') {
                escape(out);
            } else if (c == '$' && peek() == '{') {
                substituted = true;
                pos = source.skipBalanced(pos);
            } else if (c == '\r') {
                // Template text normalises CR and CRLF to LF.
                out.append('\n');
                if (peek() == '\n') {
                    pos++;
                }
            } else {
                out.append(c);
            }
        }
        throw new ParseFailure("unterminated template");
    }

    private JsRegex regex() {
        int start = pos;
        int end = source.regexEnd(pos);
        if (end < 0) {
            throw new ParseFailure("unterminated regular expression at " + pos);
        }
        pos = end;
        while (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
            pos++;
        }
        return new JsRegex(src.substring(start + 1, end - 1), src.substring(end, pos));
    }

    private void escape(StringBuilder out) {
        if (pos >= src.length()) {
            throw new ParseFailure("unterminated string");
        }
        char e = src.charAt(pos++);
        switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000B');
            case '0' -> out.append('\0');
            case '\r' -> pos += peek() == '\n' ? 1 : 0;
            case '\n', '\u2028', '\u2029' -> {
            }
            case 'x' -> out.append((char) hex(2));
            case 'u' -> out.appendCodePoint(peek() == '{' ? codePointEscape() : hex(4));
            default -> out.append(e);
        }
    }

    /** The code point of a braced unicode escape such as {@code {1F600}}. */
    private int codePointEscape() {
        int close = src.indexOf('}', pos);
        if (close < 0 || close - pos > 7) {
            throw new ParseFailure("bad unicode escape at " + pos);
        }
        int codePoint = parseHex(src.substring(pos + 1, close));
        if (!Character.isValidCodePoint(codePoint)) {
            throw new ParseFailure("bad unicode escape at " + pos);
        }
        pos = close + 1;
        return codePoint;
    }

    private int hex(int digits) {
        if (pos + digits > src.length()) {
            throw new ParseFailure("bad escape at " + pos);
        }
        int value = parseHex(src.substring(pos, pos + digits));
        pos += digits;
        return value;
    }

    private static int parseHex(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new ParseFailure("bad escape '" + digits + "'");
        }
        return Integer.parseInt(digits, 16);
    }

    /** A numeric literal: decimal with fraction and exponent, hex, octal or binary, with separators. */
    private BigDecimal number() {
        int start = pos;
        int radix = radixAt();
        if (radix != 10) {
            pos += 2;
            while (Character.digit(peek(), radix) >= 0 || peek() == '_') {
                pos++;
            }
        } else {
            digits();
            if (peek() == '.') {
                pos++;
                digits();
            }
            if ((peek() == 'e' || peek() == 'E')
                    && (Character.isDigit(peekAt(1)) || ((peekAt(1) == '+' || peekAt(1) == '-')
                    && Character.isDigit(peekAt(2))))) {
                pos += 2;
                digits();
            }
        }
        String text = src.substring(start, pos).replace("_", "");
        if (peek() == 'n') {
            pos++;
        }
        if (text.length() > MAX_NUMBER_LENGTH || isIdentifierPart(peek())) {
            throw new ParseFailure("bad number at " + start);
        }
        try {
            return radix != 10 ? new BigDecimal(new BigInteger(text.substring(2), radix))
                    : new BigDecimal(text.startsWith(".") ? "0" + text : text);
        } catch (NumberFormatException e) {
            throw new ParseFailure("bad number '" + text + "'");
        }
    }

    private int radixAt() {
        if (peek() != '0') {
            return 10;
        }
        return switch (Character.toLowerCase(peekAt(1))) {
            case 'x' -> 16;
            case 'o' -> 8;
            case 'b' -> 2;
            default -> 10;
        };
    }

    private void digits() {
        while (Character.isDigit(peek()) || peek() == '_') {
            pos++;
        }
    }

    private String identifier() {
        int start = pos;
        if (!isIdentifierStart(peek())) {
            throw new ParseFailure("expected a name at " + pos);
        }
        while (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private static boolean isName(String text) {
        if (text.isEmpty() || !isIdentifierStart(text.charAt(0))) {
            return false;
        }
        return text.chars().allMatch(c -> isIdentifierPart((char) c));
    }

    private boolean isWordAt(String word) {
        return src.startsWith(word, pos) && !isIdentifierPart(peekAt(word.length()));
    }

    private JsUnknown unknown(Kind kind, int start) {
        int end = Math.min(pos, start + JsUnknown.MAX_SOURCE);
        return new JsUnknown(kind, src.substring(start, Math.max(start, end)).strip());
    }

    private void failIfKnownUnbalanced() {
        if (source.isKnownUnbalanced(pos)) {
            throw new ParseFailure("unbalanced '" + peek() + "' at " + pos);
        }
    }

    private void skipBalancedAt(char open) {
        skipSpace();
        if (peek() != open) {
            throw new ParseFailure("expected '" + open + "' at " + pos);
        }
        pos = source.skipBalanced(pos);
    }

    private int skipSpace() {
        pos = source.skipSpace(pos);
        return pos;
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw new ParseFailure("expected '" + c + "' at " + pos);
        }
        pos++;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            // Matching the brackets of the whole value once lets the parsers of the values nested in it
            // fail at once when it is unbalanced, so hostile nesting costs linear time.
            if (origin < src.length() && "{[(".indexOf(src.charAt(origin)) >= 0) {
                try {
                    source.skipBalanced(origin);
                } catch (ParseFailure e) {
                    throw new ParseFailure("nested too deeply, and unbalanced, at " + pos);
                }
            }
            throw new ParseFailure("nested too deeply at " + pos);
        }
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : 0;
    }

    private char peekAt(int offset) {
        return pos + offset < src.length() ? src.charAt(pos + offset) : 0;
    }
}
