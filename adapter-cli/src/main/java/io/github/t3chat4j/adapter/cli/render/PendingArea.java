package io.github.t3chat4j.adapter.cli.render;

import java.io.PrintWriter;

/**
 * The rows at the bottom of the output that show unfinished text plainly and may be erased: text is
 * broken into rows by this class (never by the terminal's own wrapping), so it always knows how many rows
 * it covers and where the cursor is. Erasing moves up only over those rows ({@code ESC[nA}, then
 * {@code ESC[J}). When the area would grow taller than the screen, its upper rows are given up (they stay
 * as printed), so nothing above the visible screen is ever moved to.
 */
final class PendingArea {

    private final PrintWriter out;
    private final int columns;
    private final int maxRows;
    private int row;
    private int column;
    /** The source offset of the first character on the current row. */
    private int rowStart;
    private boolean gaveUpRows;

    PendingArea(PrintWriter out, int columns, int screenRows) {
        this.out = out;
        this.columns = Math.max(1, columns);
        this.maxRows = Math.max(1, screenRows - 1);
    }

    /** Prints {@code text}, which starts at source offset {@code offset}, plainly at the cursor. */
    void print(String text, int offset) {
        if (row == 0 && column == 0) {
            rowStart = offset;
        }
        StringBuilder buffer = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == '\n') {
                buffer.append('\n');
                newRow(offset + next);
            } else if (cp == '\t') {
                int spaces = TerminalSafe.TAB - column % TerminalSafe.TAB;
                for (int s = 0; s < spaces && column < columns; s++) {
                    buffer.append(' ');
                    column++;
                }
            } else if (cp != '\r') {
                // A CR is left out here: its line feed may come in the next piece; the block is redrawn rendered.
                String glyph = TerminalSafe.isControl(cp) ? TerminalSafe.glyph(cp) : new String(Character.toChars(cp));
                int width = DisplayWidth.of(glyph);
                if (column + width > columns) {
                    buffer.append('\n');
                    newRow(offset + i);
                }
                buffer.append(glyph);
                column += width;
            }
            i = next;
        }
        out.print(buffer);
    }

    /** Erases every row of the area and leaves the cursor where the area began; nothing is sent when it is empty. */
    void erase() {
        if (row == 0 && column == 0) {
            return;
        }
        out.print(row > 0 ? "\r" + Ansi.ESC + "[" + row + "A" + Ansi.ESC + "[J" : "\r" + Ansi.ESC + "[J");
        row = 0;
        column = 0;
    }

    /** Keeps what the area shows as it is and starts an empty area at the cursor (which must be at a row start). */
    void keep() {
        row = 0;
        column = 0;
    }

    boolean atRowStart() {
        return column == 0;
    }

    /** True once rows were given up since the last call (the source before {@link #rowStart()} is on screen for good). */
    boolean takeGaveUpRows() {
        boolean gaveUp = gaveUpRows;
        gaveUpRows = false;
        return gaveUp;
    }

    /** The source offset of the first character of the area's current row. */
    int rowStart() {
        return rowStart;
    }

    private void newRow(int nextOffset) {
        row++;
        column = 0;
        rowStart = nextOffset;
        if (row >= maxRows) {
            // Taller than the screen: the rows above stay as they are, and the area restarts here.
            row = 0;
            gaveUpRows = true;
        }
    }
}
