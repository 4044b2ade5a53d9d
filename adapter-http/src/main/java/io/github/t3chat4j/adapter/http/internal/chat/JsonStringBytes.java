package io.github.t3chat4j.adapter.http.internal.chat;

import java.nio.charset.StandardCharsets;

/**
 * Decodes one JSON string straight from UTF-8 bytes (RFC 8259 section 7), for the decoder's fast paths.
 * It accepts exactly what a JSON parser accepts inside a string and nothing more: a control character,
 * an unknown escape or a missing closing quote make it answer "not mine" (null), and the caller then
 * leaves the line to Jackson, whose verdict stands. Malformed UTF-8 becomes U+FFFD, as the reply's
 * text always has. Stateless.
 */
final class JsonStringBytes {

    private JsonStringBytes() {
    }

    /**
     * The index of the closing quote of the string whose content starts at {@code from} (just after its
     * opening quote), or -1 when there is none before {@code to} or the content is not valid JSON.
     */
    static int closingQuote(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '"') {
                return i;
            }
            if (b < 0x20) {
                return -1;
            }
            if (b == '\\') {
                int escapeLength = escapeLength(bytes, i + 1, to);
                if (escapeLength < 0) {
                    return -1;
                }
                i += escapeLength;
            }
        }
        return -1;
    }

    /** The content of {@code bytes[from .. quote)}, a string {@link #closingQuote} accepted, decoded. */
    static String decode(byte[] bytes, int from, int quote) {
        int backslash = indexOf(bytes, from, quote, (byte) '\\');
        if (backslash < 0) {
            return new String(bytes, from, quote - from, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(quote - from);
        int run = from;
        while (backslash >= 0) {
            text.append(new String(bytes, run, backslash - run, StandardCharsets.UTF_8));
            byte kind = bytes[backslash + 1];
            switch (kind) {
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> text.append((char) hex4(bytes, backslash + 2));
                default -> text.append((char) kind);
            }
            run = backslash + 1 + escapeLength(bytes, backslash + 1, quote);
            backslash = indexOf(bytes, run, quote, (byte) '\\');
        }
        return text.append(new String(bytes, run, quote - run, StandardCharsets.UTF_8)).toString();
    }

    /** Whether only JSON whitespace is in {@code bytes[from .. to)}. */
    static boolean onlyWhitespace(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** How many bytes the escape whose letter is at {@code at} spans (letter included), or -1 when invalid. */
    private static int escapeLength(byte[] bytes, int at, int to) {
        if (at >= to) {
            return -1;
        }
        switch (bytes[at]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return 1;
            case 'u':
                return at + 4 < to && hex4(bytes, at + 1) >= 0 ? 5 : -1;
            default:
                return -1;
        }
    }

    private static int hex4(byte[] bytes, int at) {
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = Character.digit(bytes[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
