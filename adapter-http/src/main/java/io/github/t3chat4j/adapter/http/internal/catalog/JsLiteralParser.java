package io.github.t3chat4j.adapter.http.internal.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JavaScript value literal out of minified source, tolerantly. It understands what model
 * definitions are written with: objects (identifier, quoted or numeric keys; spreads and methods are
 * skipped), arrays, strings in double, single or back quotes, numbers with exponents and simple
 * arithmetic ({@code 0.3/1e6}), {@code !0}/{@code !1}, {@code true}/{@code false}/{@code null},
 * {@code new Set([...])} (read as a list) and {@code new Date("...")} (read as its text). Whatever
 * else appears in a value position (a variable, a call, a function, a template with {@code ${}}) is
 * skipped and read as {@link #UNKNOWN}.
 *
 * <p>Values come out as {@code Map<String, Object>}, {@code List<Object>}, {@code String},
 * {@code BigDecimal}, {@code Boolean}, {@link #NULL} or {@link #UNKNOWN}. Not thread-safe; one parser
 * per source text.
 */
final class JsLiteralParser {

    /** A value the parser could not evaluate, such as a variable reference. */
    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "<unknown>";
        }
    };
    /** JavaScript's {@code null} and {@code undefined}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final int MAX_DEPTH = 64;

    private final String src;
    private int pos;
    private int depth;

    JsLiteralParser(String src, int start) {
        this.src = src;
        this.pos = start;
    }

    /** Where the parser stands: just after the last value read. */
    int position() {
        return pos;
    }

    /**
     * Reads the value that starts at the current position.
     *
     * @throws ParseFailure when the text there is not a value this parser can get past
     */
    Object readValue() {
        return expression();
    }

    /** The source does not hold a readable value here. Has no stack trace: it is routine. */
    static final class ParseFailure extends RuntimeException {
        ParseFailure(String message) {
            super(message, null, false, false);
        }
    }

    private Object expression() {
        enter();
        try {
            Object value = binary();
            skipSpace();
            if (peek() == '?' && peekAt(1) != '?' && peekAt(1) != '.') {
                pos++;
                expression();
                expect(':');
                expression();
                return UNKNOWN;
            }
            return value;
        } finally {
            depth--;
        }
    }

    private Object binary() {
        Object left = unary();
        while (true) {
            skipSpace();
            String operator = binaryOperatorAt();
            if (operator == null) {
                return left;
            }
            pos += operator.length();
            Object right = unary();
            left = combine(left, operator, right);
        }
    }

    private String binaryOperatorAt() {
        for (String op : new String[] {"===", "!==", "==", "!=", "&&", "||", "??", "<=", ">=", "/", "*", "+", "-",
                "%", "<", ">", "|", "&"}) {
            if (src.startsWith(op, pos)) {
                return op;
            }
        }
        return null;
    }

    private static Object combine(Object left, String operator, Object right) {
        if (!(left instanceof BigDecimal a) || !(right instanceof BigDecimal b)) {
            return UNKNOWN;
        }
        switch (operator) {
            case "/":
                return b.signum() == 0 ? UNKNOWN : a.divide(b, MathContext.DECIMAL64);
            case "*":
                return a.multiply(b, MathContext.DECIMAL64);
            case "+":
                return a.add(b, MathContext.DECIMAL64);
            case "-":
                return a.subtract(b, MathContext.DECIMAL64);
            default:
                return UNKNOWN;
        }
    }

    private Object unary() {
        skipSpace();
        char c = peek();
        if (c == '!') {
            pos++;
            Object operand = unary();
            if (operand instanceof BigDecimal n) {
                return n.signum() == 0;
            }
            if (operand instanceof Boolean b) {
                return !b;
            }
            return UNKNOWN;
        }
        if (c == '-' || c == '+') {
            pos++;
            Object operand = unary();
            if (operand instanceof BigDecimal n) {
                return c == '-' ? n.negate() : n;
            }
            return UNKNOWN;
        }
        if (src.startsWith("typeof ", pos) || src.startsWith("void ", pos)) {
            boolean isVoid = src.startsWith("void ", pos);
            pos = src.indexOf(' ', pos) + 1;
            unary();
            return isVoid ? NULL : UNKNOWN;
        }
        return postfix(primary());
    }

    /** Member access, calls and indexing after a value: the result is unknown. */
    private Object postfix(Object value) {
        Object result = value;
        while (true) {
            skipSpace();
            char c = peek();
            if (c == '.' && !src.startsWith("...", pos)) {
                pos++;
                skipSpace();
                identifier();
                result = UNKNOWN;
            } else if (c == '?' && peekAt(1) == '.') {
                pos += 2;
                result = UNKNOWN;
                if (peek() != '(' && peek() != '[') {
                    identifier();
                }
            } else if (c == '(') {
                skipBalanced('(', ')');
                result = UNKNOWN;
            } else if (c == '[') {
                skipBalanced('[', ']');
                result = UNKNOWN;
            } else if (c == '`' && result == UNKNOWN) {
                template();
            } else {
                return result;
            }
        }
    }

    private Object primary() {
        skipSpace();
        char c = peek();
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        if (c == '"' || c == '\'') {
            return quoted(c);
        }
        if (c == '`') {
            return template();
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peekAt(1)))) {
            return number();
        }
        if (c == '(') {
            int open = pos;
            skipBalanced('(', ')');
            skipSpace();
            if (src.startsWith("=>", pos)) {
                pos += 2;
                arrowBody();
                return UNKNOWN;
            }
            pos = open + 1;
            Object inner = expression();
            skipSpace();
            while (peek() == ',') {
                pos++;
                inner = expression();
                skipSpace();
            }
            expect(')');
            return inner;
        }
        if (isIdentifierStart(c)) {
            return word();
        }
        throw new ParseFailure("unexpected '" + c + "' at " + pos);
    }

    private Object word() {
        String name = identifier();
        skipSpace();
        switch (name) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
            case "undefined":
                return NULL;
            case "new":
                return construct();
            case "function":
                if (isIdentifierStart(peek())) {
                    identifier();
                    skipSpace();
                }
                skipBalanced('(', ')');
                skipSpace();
                skipBalanced('{', '}');
                return UNKNOWN;
            case "async":
                return isIdentifierStart(peek()) || peek() == '(' ? primary() : UNKNOWN;
            default:
                break;
        }
        if (src.startsWith("=>", pos)) {
            pos += 2;
            arrowBody();
        }
        return UNKNOWN;
    }

    private Object construct() {
        String type = identifier();
        skipSpace();
        if (peek() != '(') {
            return UNKNOWN;
        }
        pos++;
        skipSpace();
        List<Object> args = new ArrayList<>();
        while (peek() != ')') {
            args.add(expression());
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
            } else if (peek() != ')') {
                throw new ParseFailure("unexpected '" + peek() + "' in new " + type + "(..) at " + pos);
            }
        }
        pos++;
        if (type.equals("Set")) {
            return args.isEmpty() ? List.of() : args.get(0) instanceof List<?> ? args.get(0) : UNKNOWN;
        }
        if (type.equals("Date") && args.size() == 1 && (args.get(0) instanceof String
                || args.get(0) instanceof BigDecimal)) {
            return args.get(0) instanceof String s ? s
                    : java.time.Instant.ofEpochMilli(((BigDecimal) args.get(0)).longValue()).toString();
        }
        return UNKNOWN;
    }

    private void arrowBody() {
        skipSpace();
        if (peek() == '{') {
            skipBalanced('{', '}');
        } else {
            expression();
        }
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> object = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return object;
            }
            if (src.startsWith("...", pos)) {
                pos += 3;
                expression();
            } else {
                String key = key();
                skipSpace();
                if (peek() == ':') {
                    pos++;
                    Object value = expression();
                    if (key != null) {
                        object.put(key, value);
                    }
                } else if (peek() == '(') {
                    skipBalanced('(', ')');
                    skipSpace();
                    skipBalanced('{', '}');
                } else if (key != null) {
                    object.put(key, UNKNOWN);
                }
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw new ParseFailure("expected ',' or '}' at " + pos);
            }
        }
    }

    /** An object key; null for a computed one. Getters, setters and async methods keep their name. */
    private String key() {
        skipSpace();
        char c = peek();
        if (c == '"' || c == '\'') {
            return quoted(c);
        }
        if (c == '[') {
            skipBalanced('[', ']');
            return null;
        }
        if (Character.isDigit(c)) {
            return ((BigDecimal) number()).stripTrailingZeros().toPlainString();
        }
        if (isIdentifierStart(c)) {
            String name = identifier();
            skipSpace();
            if ((name.equals("get") || name.equals("set") || name.equals("async")) && isIdentifierStart(peek())) {
                return identifier();
            }
            return name;
        }
        throw new ParseFailure("expected a key at " + pos);
    }

    private List<Object> array() {
        expect('[');
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == ']') {
                pos++;
                return items;
            }
            if (peek() == ',') {
                pos++;
                items.add(NULL);
                continue;
            }
            if (src.startsWith("...", pos)) {
                pos += 3;
                expression();
                items.add(UNKNOWN);
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
            } else if (c == '\n' && quote != '`') {
                break;
            } else {
                out.append(c);
            }
        }
        throw new ParseFailure("unterminated string");
    }

    /** A template literal: its text, or {@link #UNKNOWN} when it interpolates. */
    private Object template() {
        pos++;
        StringBuilder out = new StringBuilder();
        boolean interpolated = false;
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '`') {
                return interpolated ? UNKNOWN : out.toString();
            }
            if (c == '\\') {
                escape(out);
            } else if (c == '$' && peek() == '{') {
                interpolated = true;
                skipBalanced('{', '}');
            } else {
                out.append(c);
            }
        }
        throw new ParseFailure("unterminated template");
    }

    private void escape(StringBuilder out) {
        if (pos >= src.length()) {
            throw new ParseFailure("unterminated string");
        }
        char e = src.charAt(pos++);
        switch (e) {
            case 'n':
                out.append('\n');
                break;
            case 't':
                out.append('\t');
                break;
            case 'r':
                out.append('\r');
                break;
            case 'b':
                out.append('\b');
                break;
            case 'f':
                out.append('\f');
                break;
            case 'v':
                out.append('\u000B');
                break;
            case '0':
                out.append('\0');
                break;
            case '\n':
                break;
            case 'x':
                out.append((char) hex(2));
                break;
            case 'u':
                if (peek() == '{') {
                    int close = src.indexOf('}', pos);
                    if (close < 0) {
                        throw new ParseFailure("bad unicode escape");
                    }
                    out.appendCodePoint(parseHex(src.substring(pos + 1, close)));
                    pos = close + 1;
                } else {
                    out.append((char) hex(4));
                }
                break;
            default:
                out.append(e);
        }
    }

    private int hex(int digits) {
        if (pos + digits > src.length()) {
            throw new ParseFailure("bad escape");
        }
        int value = parseHex(src.substring(pos, pos + digits));
        pos += digits;
        return value;
    }

    private static int parseHex(String digits) {
        try {
            return Integer.parseInt(digits, 16);
        } catch (NumberFormatException e) {
            throw new ParseFailure("bad escape");
        }
    }

    private Object number() {
        int start = pos;
        if (src.startsWith("0x", pos) || src.startsWith("0X", pos)) {
            pos += 2;
            while (Character.digit(peek(), 16) >= 0) {
                pos++;
            }
            return new BigDecimal(new BigInteger(src.substring(start + 2, pos), 16));
        }
        while (Character.isDigit(peek()) || peek() == '.' || peek() == '_') {
            pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            while (Character.isDigit(peek())) {
                pos++;
            }
        }
        String text = src.substring(start, pos).replace("_", "");
        if (peek() == 'n') {
            pos++;
        }
        try {
            return new BigDecimal(text.startsWith(".") ? "0" + text : text);
        } catch (NumberFormatException e) {
            throw new ParseFailure("bad number '" + text + "'");
        }
    }

    private String identifier() {
        int start = pos;
        if (!isIdentifierStart(peek())) {
            throw new ParseFailure("expected a name at " + pos);
        }
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                || src.charAt(pos) == '$')) {
            pos++;
        }
        return src.substring(start, pos);
    }

    /** Skips from an opening bracket to just past its partner, minding strings and templates. */
    private void skipBalanced(char open, char close) {
        skipSpace();
        if (peek() != open) {
            throw new ParseFailure("expected '" + open + "' at " + pos);
        }
        int level = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '"' || c == '\'') {
                quoted(c);
                continue;
            }
            if (c == '`') {
                template();
                continue;
            }
            if (c == '{' || c == '(' || c == '[') {
                level++;
            } else if (c == '}' || c == ')' || c == ']') {
                level--;
                if (level == 0) {
                    if (c != close) {
                        throw new ParseFailure("mismatched '" + c + "' at " + pos);
                    }
                    pos++;
                    return;
                }
            }
            pos++;
        }
        throw new ParseFailure("unbalanced '" + open + "'");
    }

    private void skipSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (src.startsWith("/*", pos)) {
                int end = src.indexOf("*/", pos + 2);
                pos = end < 0 ? src.length() : end + 2;
            } else if (src.startsWith("//", pos)) {
                int end = src.indexOf('\n', pos);
                pos = end < 0 ? src.length() : end + 1;
            } else {
                return;
            }
        }
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
            depth--;
            throw new ParseFailure("nested too deeply");
        }
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : 0;
    }

    private char peekAt(int offset) {
        return pos + offset < src.length() ? src.charAt(pos + offset) : 0;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }
}
