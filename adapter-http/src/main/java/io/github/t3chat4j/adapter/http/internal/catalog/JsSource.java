package io.github.t3chat4j.adapter.http.internal.catalog;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.internal.catalog.JsLiteralParser.ParseFailure;
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
 * bracket closes is worked out once, without recursion, and remembered, so reading nested code again
 * costs nothing; a budget of a few passes over the text bounds the scanning that any input can cause,
 * and an allowance of a few times its length bounds the values that spreads copy. Not thread-safe.
 */
final class JsSource {

    /** {@code const x=}, {@code let x=}, {@code var x=} and the later declarators of a list ({@code ,y=}). */
    private static final Pattern DECLARATION = Pattern.compile(
            "(?:(?<![\\w$.])(?:const|let|var)\\s+|,\\s*)([A-Za-z_$][\\w$]*)\\s*=(?![=>])");
    /** After these words a slash starts a regular expression; after other words it divides. */
    private static final Set<String> BEFORE_EXPRESSION = Set.of("return", "typeof", "instanceof", "in", "of", "new",
            "delete", "void", "throw", "case", "do", "else", "yield", "await");
    private static final int SCANS_OF_THE_TEXT = 16;
    private static final int SCAN_ALLOWANCE = 1 << 20;
    /** Spreads copy values already read; past a few copies of what the text could hold, they fail. */
    private static final int COPIES_PER_CHARACTER = 16;
    private static final int COPY_ALLOWANCE = 1 << 16;
    /** Past the budget, a regular expression is looked for this far only. */
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
    /** Characters left to scan for brackets and regular expressions. */
    private long budget;
    /** Values that spreads may still copy. */
    private long copies;

    JsSource(String text) {
        this(text, (long) SCANS_OF_THE_TEXT * text.length() + SCAN_ALLOWANCE);
    }

    /** A source that scans at most {@code budget} characters for brackets and regular expressions. */
    JsSource(String text, long budget) {
        this.text = requireNonNull(text, "text == null");
        this.blockCommentEnd = new Search("*/");
        this.lineEnd = new Search("\n");
        this.budget = budget;
        this.copies = (long) COPIES_PER_CHARACTER * text.length() + COPY_ALLOWANCE;
    }

    String text() {
        return text;
    }

    /**
     * Counts {@code count} values a spread is about to copy. Names declared once can be spread many
     * times over, each level multiplying the one before, so the copies of all parsers of this text
     * share one allowance.
     *
     * @throws ParseFailure when the allowance is spent
     */
    void copy(int count) {
        copies -= count;
        if (copies < 0) {
            throw new ParseFailure("spreads copy more values than the text could hold");
        }
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
    private int quotedEnd(int at) {
        char quote = text.charAt(at);
        int i = at + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += text.startsWith("\r\n", i + 1) ? 3 : 2;
            } else if (c == quote || c == '\n' || c == '\r') {
                budget -= i - at;
                return c == quote ? i + 1 : -1;
            } else {
                i++;
            }
        }
        budget -= i - at;
        return -1;
    }

    /**
     * Just past the closing slash of the regular expression starting at {@code at}; -1 when there is none
     * on the line. Once the budget is spent, only short ones are found.
     */
    int regexEnd(int at) {
        int limit = budget > 0 ? text.length() : Math.min(text.length(), at + SHORT_REGEX);
        boolean inClass = false;
        int i = at + 1;
        while (i < limit) {
            budget--;
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
     * @throws ParseFailure when the bracket has no partner, or the scanning budget is spent
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
        return closings[open] != UNKNOWN ? closings[open] : scanBalanced(open);
    }

    /** Whether a scan already found that the bracket at {@code open} has no partner; never scans. */
    boolean isKnownUnbalanced(int open) {
        return closings != null && closings[open] == UNBALANCED;
    }

    /**
     * One pass with an explicit stack of open brackets and templates, recording every pair it closes and
     * jumping over pairs recorded before. Regular expressions are told from division by the token before.
     * Everything read counts against the budget, strings, templates and regular expressions twice.
     */
    private int scanBalanced(int open) {
        Openers stack = new Openers();
        stack.push(open, partner(text.charAt(open)));
        int i = open + 1;
        boolean regexAllowed = true;
        while (!stack.isEmpty()) {
            int before = i;
            if (budget <= 0) {
                throw new ParseFailure("too much to scan for the partner of " + open);
            }
            if (stack.top() == TEMPLATE) {
                int end = templateTextEnd(i);
                if (end < 0) {
                    throw unbalanced(stack, "unterminated template");
                }
                boolean closes = text.charAt(end) == '`';
                if (closes) {
                    stack.pop();
                    i = end + 1;
                } else {
                    stack.push(end + 1, SUBSTITUTION);
                    i = end + 2;
                }
                regexAllowed = !closes;
                budget -= i - before;
                continue;
            }
            i = skipSpace(i);
            if (i >= text.length()) {
                throw unbalanced(stack, "unbalanced '" + text.charAt(open) + "'");
            }
            char c = text.charAt(i);
            int end;
            if (c == '"' || c == '\'') {
                end = quotedEnd(i);
                if (end < 0) {
                    throw unbalanced(stack, "unterminated string");
                }
                i = end;
                regexAllowed = false;
            } else if (c == '/' && regexAllowed && (end = regexEnd(i)) > 0) {
                i = end;
                regexAllowed = false;
            } else if (c == '(' || c == '[' || c == '{') {
                if (closings[i] == UNBALANCED) {
                    throw unbalanced(stack, "unbalanced '" + c + "' at " + i);
                }
                if (closings[i] != UNKNOWN) {
                    i = closings[i];
                    regexAllowed = false;
                } else {
                    stack.push(i++, partner(c));
                    regexAllowed = true;
                }
            } else if (c == '`') {
                stack.push(i++, TEMPLATE);
            } else if (c == ')' || c == ']' || c == '}') {
                if (c != (stack.top() == SUBSTITUTION ? '}' : stack.top())) {
                    throw unbalanced(stack, "mismatched '" + c + "' at " + i);
                }
                closings[stack.pop()] = ++i;
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
            budget -= i - before;
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
                budget -= i - at;
                return i;
            } else {
                i++;
            }
        }
        budget -= i - at;
        return -1;
    }

    /** Records that every bracket still open has no partner: a scan from any of them meets the same end. */
    private ParseFailure unbalanced(Openers stack, String message) {
        while (!stack.isEmpty()) {
            boolean bracket = stack.top() != TEMPLATE;
            int at = stack.pop();
            if (bracket) {
                closings[at] = UNBALANCED;
            }
        }
        return new ParseFailure(message);
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

    /** The brackets and templates a scan has open: where each starts and what closes it. */
    private static final class Openers {
        private int[] positions = new int[16];
        private char[] closers = new char[16];
        private int size;

        void push(int position, char closer) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
                closers = Arrays.copyOf(closers, size * 2);
            }
            positions[size] = position;
            closers[size++] = closer;
        }

        /** Removes the innermost opener and returns its position. */
        int pop() {
            return positions[--size];
        }

        char top() {
            return closers[size - 1];
        }

        boolean isEmpty() {
            return size == 0;
        }
    }

    private static char partner(char open) {
        return open == '(' ? ')' : open == '[' ? ']' : '}';
    }
}
