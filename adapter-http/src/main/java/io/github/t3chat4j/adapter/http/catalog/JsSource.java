package io.github.t3chat4j.adapter.http.catalog;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.catalog.JsLiteralParser.ParseFailure;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JavaScript text and what the parsers reading it share: the lexical skips (space and comments,
 * strings, regular expressions, balanced brackets) and the names declared once with a value. Where a
 * bracket closes is worked out once, without recursion, so reading nested code again costs nothing and
 * hostile nesting cannot overflow the stack. Not thread-safe.
 */
final class JsSource {

    /** {@code const x=}, {@code let x=}, {@code var x=} and the later declarators of a list ({@code ,y=}). */
    private static final Pattern DECLARATION = Pattern.compile(
            "(?:(?<![\\w$.])(?:const|let|var)\\s+|,\\s*)([A-Za-z_$][\\w$]*)\\s*=(?![=>])");
    /** After these words a slash starts a regular expression; after other words it divides. */
    private static final Set<String> BEFORE_EXPRESSION = Set.of("return", "typeof", "instanceof", "in", "of", "new",
            "delete", "void", "throw", "case", "do", "else", "yield", "await");
    private static final long REGEX_BUDGET_PER_CHAR = 4;
    private static final long REGEX_BUDGET = 1 << 16;
    private static final int SHORT_REGEX = 256;
    private static final int UNKNOWN = 0;
    private static final int UNBALANCED = -1;
    private static final int DUPLICATE = -1;
    private static final char TEMPLATE = '`';
    private static final char SUBSTITUTION = '$';

    private final String text;
    /** Per opening bracket: {@link #UNKNOWN}, {@link #UNBALANCED}, or the position just past its partner. */
    private int[] closings;
    /** Per declared name: where its value starts, or {@link #DUPLICATE}. */
    private Map<String, Integer> declarations;
    private final Map<String, Optional<JsValue>> declared = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Search blockCommentEnd;
    private final Search lineEnd;
    /** Characters read looking for the end of regular expressions; past a budget only short ones are read. */
    private long regexScanned;

    JsSource(String text) {
        this.text = requireNonNull(text, "text == null");
        this.blockCommentEnd = new Search("*/");
        this.lineEnd = new Search("\n");
    }

    String text() {
        return text;
    }

    /** The first position at or after {@code at} that is neither white space nor inside a comment. */
    int skipSpace(int at) {
        int i = at;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (text.startsWith("/*", i)) {
                i = blockCommentEnd.after(i + 2);
            } else if (text.startsWith("//", i)) {
                i = lineEnd.after(i);
            } else {
                break;
            }
        }
        return i;
    }

    /** Just past the string whose quote is at {@code at}; -1 when it does not end on its line. */
    int quotedEnd(int at) {
        char quote = text.charAt(at);
        int i = at + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += text.startsWith("\r\n", i + 1) ? 3 : 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                return -1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Just past the closing slash of the regular expression starting at {@code at}; -1 when there is none. */
    int regexEnd(int at) {
        int limit = regexScanned > REGEX_BUDGET_PER_CHAR * text.length() + REGEX_BUDGET
                ? Math.min(text.length(), at + SHORT_REGEX) : text.length();
        boolean inClass = false;
        int i = at + 1;
        while (i < limit) {
            regexScanned++;
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '/') {
                return i > at + 1 ? i + 1 : -1;
            }
            i++;
        }
        return -1;
    }

    /**
     * Just past the partner of the bracket at {@code open}, minding strings, templates, comments and
     * regular expressions.
     *
     * @throws ParseFailure when the bracket has no partner
     */
    int skipBalanced(int open) {
        char first = text.charAt(open);
        if (first != '(' && first != '[' && first != '{') {
            throw new ParseFailure("expected a bracket at " + open);
        }
        if (closings == null) {
            closings = new int[text.length()];
        }
        if (closings[open] == UNBALANCED) {
            throw new ParseFailure("unbalanced '" + first + "' at " + open);
        }
        if (closings[open] != UNKNOWN) {
            return closings[open];
        }
        return scanBalanced(open);
    }

    /** One pass with an explicit stack of open brackets and templates, recording every pair it closes. */
    private int scanBalanced(int open) {
        int[] openers = new int[16];
        char[] kinds = new char[16];
        int size = 0;
        openers[size] = open;
        kinds[size++] = partner(text.charAt(open));
        int i = open + 1;
        boolean regexAllowed = true;
        while (size > 0) {
            if (kinds[size - 1] == TEMPLATE) {
                int end = templateTextEnd(i);
                if (end < 0) {
                    return fail(openers, kinds, size, "unterminated template");
                }
                if (text.charAt(end) == '`') {
                    size--;
                    i = end + 1;
                    regexAllowed = false;
                } else {
                    if (size == openers.length) {
                        openers = Arrays.copyOf(openers, size * 2);
                        kinds = Arrays.copyOf(kinds, size * 2);
                    }
                    openers[size] = end + 1;
                    kinds[size++] = SUBSTITUTION;
                    i = end + 2;
                    regexAllowed = true;
                }
                continue;
            }
            i = skipSpace(i);
            if (i >= text.length()) {
                return fail(openers, kinds, size, "unbalanced '" + text.charAt(open) + "'");
            }
            char c = text.charAt(i);
            int end;
            if (c == '"' || c == '\'') {
                end = quotedEnd(i);
                if (end < 0) {
                    return fail(openers, kinds, size, "unterminated string");
                }
                i = end;
                regexAllowed = false;
            } else if (c == '/' && regexAllowed && (end = regexEnd(i)) > 0) {
                i = end;
                regexAllowed = false;
            } else if (c == '`' || c == '(' || c == '[' || c == '{') {
                if (size == openers.length) {
                    openers = Arrays.copyOf(openers, size * 2);
                    kinds = Arrays.copyOf(kinds, size * 2);
                }
                openers[size] = i;
                kinds[size++] = c == '`' ? TEMPLATE : partner(c);
                i++;
                regexAllowed = true;
            } else if (c == ')' || c == ']' || c == '}') {
                char expected = kinds[size - 1] == SUBSTITUTION ? '}' : kinds[size - 1];
                if (c != expected) {
                    return fail(openers, kinds, size, "mismatched '" + c + "' at " + i);
                }
                closings[openers[--size]] = i + 1;
                i++;
                regexAllowed = false;
            } else if (isIdentifierPart(c)) {
                int start = i;
                while (i < text.length() && isIdentifierPart(text.charAt(i))) {
                    i++;
                }
                regexAllowed = BEFORE_EXPRESSION.contains(text.substring(start, i));
            } else {
                i++;
                regexAllowed = true;
            }
        }
        return i;
    }

    /** The closing backquote or the {@code $} of a substitution of the template text from {@code at}; -1 if none. */
    private int templateTextEnd(int at) {
        int i = at;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '`' || (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{')) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Records that every bracket still open has no partner (a scan from any of them meets the same end). */
    private int fail(int[] openers, char[] kinds, int size, String message) {
        for (int k = 0; k < size; k++) {
            if (kinds[k] != TEMPLATE) {
                closings[openers[k]] = UNBALANCED;
            }
        }
        throw new ParseFailure(message);
    }

    /**
     * The value {@code name} is declared with, when the text declares it exactly once
     * ({@code const}, {@code let}, {@code var} or a later declarator of such a list) and the value reads.
     * Each name is read once; a name met again while its own value is being read is not resolved.
     */
    Optional<JsValue> declaredValue(String name, int depth) {
        Optional<JsValue> known = declared.get(name);
        if (known != null) {
            return known;
        }
        Integer at = declarations().get(name);
        if (at == null || at == DUPLICATE || !resolving.add(name)) {
            return Optional.empty();
        }
        Optional<JsValue> value;
        try {
            value = Optional.of(new JsLiteralParser(this, at, depth).readValue());
        } catch (ParseFailure e) {
            value = Optional.empty();
        } finally {
            resolving.remove(name);
        }
        declared.put(name, value);
        return value;
    }

    private Map<String, Integer> declarations() {
        if (declarations == null) {
            declarations = new HashMap<>();
            Matcher m = DECLARATION.matcher(text);
            while (m.find()) {
                declarations.merge(m.group(1), m.end(), (a, b) -> DUPLICATE);
            }
        }
        return declarations;
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /**
     * Where a fixed text next occurs, remembering the last answer: every start between the last search
     * and its hit has the same answer, so many unterminated comments cost one pass, not one each.
     */
    private final class Search {
        private final String needle;
        private int from = -1;
        private int hit = -1;

        Search(String needle) {
            this.needle = needle;
        }

        /** Just past the next occurrence at or after {@code at}; the end of the text when there is none. */
        int after(int at) {
            if (from < 0 || at < from || at > (hit < 0 ? text.length() : hit)) {
                from = at;
                hit = text.indexOf(needle, at);
            }
            return hit < 0 ? text.length() : hit + needle.length();
        }
    }

    private static char partner(char open) {
        return open == '(' ? ')' : open == '[' ? ']' : '}';
    }
}
