package io.github.t3chat4j.adapter.cli.render;

/**
 * The one rule for text from outside (replies, titles, error messages, stored conversations, what a
 * gateway client sent) on its way to a terminal, which an escape sequence in it could retitle, recolour,
 * clear, move about or make write the clipboard. Every C0 control character but line feed and tab
 * becomes its visible Control Picture (U+2400…, so ESC shows as ␛), DEL ␡, C1 controls U+FFFD; a CR
 * before a line feed is dropped (a Windows line end), a lone one shown as ␍. {@link #text} keeps tabs for
 * the terminal to expand; {@link #laidOut} turns them into spaces, for the Markdown renderer, which must
 * know every column it fills.
 */
public final class TerminalSafe {

    /** The columns between tab stops when tabs are laid out. */
    static final int TAB = 4;

    private TerminalSafe() {
    }

    /** {@code text} safe to print, tabs kept; the same instance when there is nothing to neutralise. */
    public static String text(String text) {
        return clean(text, false);
    }

    /**
     * {@code text} safe to print, each tab laid out as the spaces up to the next multiple of
     * {@value #TAB} columns (counted from the start of {@code text} and of each line in it).
     */
    static String laidOut(String text) {
        return clean(text, true);
    }

    /** The visible stand-in of one control code point (a C0 control, DEL or a C1 control). */
    static String glyph(int codePoint) {
        return String.valueOf(codePoint < 0x20 ? (char) (0x2400 + codePoint) : codePoint == 0x7F ? '\u2421' : '\uFFFD');
    }

    /** Whether {@code codePoint} is a control a terminal could obey (line feed and tab are not). */
    static boolean isControl(int codePoint) {
        return codePoint < 0x20 && codePoint != '\n' && codePoint != '\t' || codePoint >= 0x7F && codePoint < 0xA0;
    }

    private static String clean(String text, boolean layTabs) {
        StringBuilder out = null;
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = !isControl(c) && !(c == '\t' && layTabs);
            if (plain && out == null) {
                column = c == '\n' ? 0 : column + 1;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (c == '\t' && layTabs) {
                int spaces = TAB - column % TAB;
                out.append(" ".repeat(spaces));
                column += spaces;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            } else if (isControl(c)) {
                out.append(glyph(c));
                column++;
            } else {
                out.append(c);
                column = c == '\n' ? 0 : column + 1;
            }
        }
        return out == null ? text : out.toString();
    }
}
