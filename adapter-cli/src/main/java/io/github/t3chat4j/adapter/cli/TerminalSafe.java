package io.github.t3chat4j.adapter.cli;

/**
 * Neutralises what text from the server could do to a terminal: an escape sequence in an error message, a
 * conversation title or a reply can retitle the window, recolour it, move the cursor or set the clipboard.
 * Every control character but line feed and tab becomes its visible Control Picture (U+2400…, so ESC shows
 * as ␛), C1 controls U+FFFD; a CR before a line feed is dropped, a lone one shown.
 */
final class TerminalSafe {

    private TerminalSafe() {
    }

    /** {@code text} safe to print; the same instance when there is nothing to neutralise. */
    static String text(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean safe = c >= 0x20 && c != 0x7F && (c < 0x80 || c >= 0xA0) || c == '\n' || c == '\t';
            if (safe) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            out.append(c < 0x20 ? (char) (0x2400 + c) : c == 0x7F ? '\u2421' : '\uFFFD');
        }
        return out == null ? text : out.toString();
    }
}
