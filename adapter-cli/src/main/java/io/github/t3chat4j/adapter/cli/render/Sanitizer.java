package io.github.t3chat4j.adapter.cli.render;

/**
 * Makes model output safe to print: a reply could carry escape sequences that clear the screen, move the
 * cursor or set the clipboard. Control characters become their visible Control Pictures (U+2400…),
 * C1 controls U+FFFD, tabs spaces up to the next multiple of four columns; {@code '\n'} stays and
 * {@code '\r'} goes.
 */
final class Sanitizer {

    static final int TAB = 4;

    private Sanitizer() {
    }

    /** {@code text} with every control character but {@code '\n'} made visible or removed. */
    static String clean(String text) {
        StringBuilder out = null;
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' || c >= 0x7F && c < 0xA0;
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out == null) {
                column = c == '\n' ? 0 : column + 1;
                continue;
            }
            if (c == '\t') {
                int spaces = TAB - column % TAB;
                out.append(" ".repeat(spaces));
                column += spaces;
            } else if (c == '\r') {
                continue;
            } else if (c < 0x20 && c != '\n') {
                out.append((char) (0x2400 + c));
                column++;
            } else if (c == 0x7F) {
                out.append('\u2421');
                column++;
            } else if (c >= 0x80 && c < 0xA0) {
                out.append('\uFFFD');
                column++;
            } else {
                out.append(c);
                column = c == '\n' ? 0 : column + 1;
            }
        }
        return out == null ? text : out.toString();
    }
}
