package io.github.t3chat4j.adapter.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A terminal screen for tests: applies printed text and the escape sequences the renderer uses (SGR,
 * OSC 8, cursor up, erase below, erase line, carriage return, line feed with the tty's CR) to a grid
 * with a scrollback, with an xterm's deferred wrap. Any other escape sequence fails the test.
 */
public final class ScreenModel {

    private record Cell(String text, String style) {
        static final Cell BLANK = new Cell(" ", "");
    }

    private final int columns;
    private final int rows;
    private final List<Cell[]> scrollback = new ArrayList<>();
    private final Cell[][] grid;
    private int row;
    private int column;
    private boolean wrapPending;
    private String sgr = "";
    private String link = "";
    private int clampedMoves;
    private int cursorUps;

    public ScreenModel(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        this.grid = new Cell[rows][];
        for (int r = 0; r < rows; r++) {
            grid[r] = blankRow();
        }
    }

    /** Applies {@code output} as a terminal would. */
    public ScreenModel apply(String output) {
        int i = 0;
        while (i < output.length()) {
            char c = output.charAt(i);
            if (c == '\u001b') {
                i = escape(output, i);
                continue;
            }
            if (c == '\n') {
                lineFeed();
                column = 0;
                i++;
                continue;
            }
            if (c == '\r') {
                column = 0;
                wrapPending = false;
                i++;
                continue;
            }
            if (c < 0x20 || c == 0x7f) {
                throw new AssertionError("control character " + (int) c + " printed");
            }
            int cp = output.codePointAt(i);
            i += Character.charCount(cp);
            put(new String(Character.toChars(cp)));
        }
        return this;
    }

    /** How often a cursor-up would have left the visible screen (then it stops at the top, as terminals do). */
    public int clampedMoves() {
        return clampedMoves;
    }

    public int cursorUps() {
        return cursorUps;
    }

    /** The cursor's column (0 at the start of a row). */
    public int column() {
        return wrapPending ? columns : column;
    }

    /** Every row, scrollback first, as plain text without trailing blanks; trailing empty rows dropped. */
    public List<String> text() {
        return render(false);
    }

    /** Like {@link #text()}, with each change of SGR state or link shown as {@code {sgr|link}}. */
    public List<String> styled() {
        return render(true);
    }

    private List<String> render(boolean styled) {
        List<Cell[]> all = new ArrayList<>(scrollback);
        all.addAll(List.of(grid));
        List<String> lines = new ArrayList<>();
        for (Cell[] cells : all) {
            StringBuilder line = new StringBuilder();
            String state = "";
            int end = cells.length;
            while (end > 0 && cells[end - 1] != null && cells[end - 1].text().equals(" ") && cells[end - 1].style().isEmpty()) {
                end--;
            }
            for (int c = 0; c < end; c++) {
                Cell cell = cells[c];
                if (cell == null) {
                    continue;
                }
                if (styled && !cell.style().equals(state)) {
                    line.append('{').append(cell.style()).append('}');
                    state = cell.style();
                }
                line.append(cell.text());
            }
            lines.add(line.toString().stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private void put(String glyph) {
        int width = DisplayWidth.of(glyph);
        if (width == 0) {
            int c = Math.max(0, wrapPending ? column : column - 1);
            Cell previous = grid[row][c];
            if (previous != null) {
                grid[row][c] = new Cell(previous.text() + glyph, previous.style());
            }
            return;
        }
        if (wrapPending || column + width > columns) {
            lineFeed();
            column = 0;
        }
        grid[row][column] = new Cell(glyph, sgr + (link.isEmpty() ? "" : "|" + link));
        if (width == 2) {
            grid[row][column + 1] = null;
        }
        column += width;
        if (column >= columns) {
            column = columns - 1;
            wrapPending = true;
        }
    }

    private void lineFeed() {
        wrapPending = false;
        if (row + 1 < rows) {
            row++;
            return;
        }
        scrollback.add(grid[0]);
        System.arraycopy(grid, 1, grid, 0, rows - 1);
        grid[rows - 1] = blankRow();
    }

    private int escape(String s, int start) {
        char kind = s.charAt(start + 1);
        if (kind == '[') {
            int end = start + 2;
            while (!Character.isLetter(s.charAt(end))) {
                end++;
            }
            String params = s.substring(start + 2, end);
            char command = s.charAt(end);
            switch (command) {
                case 'm' -> sgr = params.equals("0") || params.isEmpty() ? "" : params.replaceFirst("^0;", "");
                case 'A' -> {
                    int n = params.isEmpty() ? 1 : Integer.parseInt(params);
                    cursorUps++;
                    if (n > row) {
                        clampedMoves++;
                    }
                    row = Math.max(0, row - n);
                    wrapPending = false;
                }
                case 'J' -> {
                    for (int c = column; c < columns; c++) {
                        grid[row][c] = Cell.BLANK;
                    }
                    for (int r = row + 1; r < rows; r++) {
                        grid[r] = blankRow();
                    }
                }
                case 'K' -> {
                    for (int c = column; c < columns; c++) {
                        grid[row][c] = Cell.BLANK;
                    }
                }
                default -> throw new AssertionError("unexpected escape sequence ESC[" + params + command);
            }
            return end + 1;
        }
        if (kind == ']') {
            int end = s.indexOf("\u001b\\", start);
            int bell = s.indexOf('\u0007', start);
            int stop = end < 0 ? bell : bell < 0 ? end : Math.min(end, bell);
            String body = s.substring(start + 2, stop);
            if (body.startsWith("8;")) {
                link = body.substring(body.indexOf(';', 2) + 1);
            } else if (!body.startsWith("52;")) {
                throw new AssertionError("unexpected OSC " + body);
            }
            return stop + (stop == end ? 2 : 1);
        }
        throw new AssertionError("unexpected escape ESC" + kind);
    }

    private Cell[] blankRow() {
        Cell[] cells = new Cell[columns];
        java.util.Arrays.fill(cells, Cell.BLANK);
        return cells;
    }
}
