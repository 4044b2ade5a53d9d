package io.github.t3chat4j.adapter.cli.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;

/**
 * A GFM table in a box whose columns fit the width: each column as wide as its widest cell while the
 * table fits, otherwise the wide columns share what is left and their cells wrap. Cells keep the
 * alignment of the delimiter row; the header is bold.
 */
final class TableLayout {

    private static final Style FRAME = Style.PLAIN.withColour(Style.GREY);

    private final MarkdownRenderer renderer;

    TableLayout(MarkdownRenderer renderer) {
        this.renderer = renderer;
    }

    private record Cell(List<Span> content, TableCell.Alignment alignment) {
    }

    List<Row> rows(TableBlock table, int width) {
        List<List<Cell>> cells = new ArrayList<>();
        int headerRows = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<Cell> line = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    TableCell tableCell = (TableCell) cell;
                    Style style = tableCell.isHeader() ? Style.PLAIN.asBold() : Style.PLAIN;
                    line.add(new Cell(renderer.inlines(cell, style), tableCell.getAlignment()));
                }
                cells.add(line);
                if (section instanceof TableHead) {
                    headerRows++;
                }
            }
        }
        int columns = 0;
        for (List<Cell> line : cells) {
            columns = Math.max(columns, line.size());
        }
        if (columns == 0) {
            return List.of();
        }
        int[] widths = widths(cells, columns, width - (3 * columns + 1));
        if (widths == null) {
            return narrow(cells, width);
        }
        List<Row> rows = new ArrayList<>();
        rows.add(border("┌", "┬", "┐", widths));
        for (int r = 0; r < cells.size(); r++) {
            if (r == headerRows && headerRows > 0) {
                rows.add(border("├", "┼", "┤", widths));
            }
            rows.addAll(line(cells.get(r), widths));
        }
        rows.add(border("└", "┴", "┘", widths));
        return rows;
    }

    /** Column widths that fit {@code available} columns of text, or null when not even one column each fits. */
    private static int[] widths(List<List<Cell>> cells, int columns, int available) {
        if (available < columns) {
            return null;
        }
        int[] natural = new int[columns];
        for (List<Cell> line : cells) {
            for (int c = 0; c < line.size(); c++) {
                int w = 0;
                for (Span span : line.get(c).content()) {
                    w += span.width();
                }
                natural[c] = Math.max(natural[c], Math.max(1, w));
            }
        }
        int[] widths = natural.clone();
        int total = 0;
        for (int w : natural) {
            total += w;
        }
        if (total <= available) {
            return widths;
        }
        // Columns narrower than a fair share keep their width; the others share the rest equally.
        boolean[] fixed = new boolean[columns];
        int left = available;
        int open = columns;
        boolean changed = true;
        while (changed) {
            changed = false;
            int share = left / Math.max(1, open);
            for (int c = 0; c < columns; c++) {
                if (!fixed[c] && natural[c] <= share) {
                    fixed[c] = true;
                    left -= natural[c];
                    open--;
                    changed = true;
                }
            }
        }
        int share = open == 0 ? 0 : left / open;
        int extra = open == 0 ? 0 : left % open;
        for (int c = 0; c < columns; c++) {
            if (!fixed[c]) {
                widths[c] = Math.max(1, share + (extra-- > 0 ? 1 : 0));
            }
        }
        return widths;
    }

    private static List<Row> line(List<Cell> line, int[] widths) {
        List<List<Row>> wrapped = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < widths.length; c++) {
            List<Row> rows = c < line.size() ? Wrapper.wrap(line.get(c).content(), widths[c]) : List.of(Row.EMPTY);
            wrapped.add(rows);
            height = Math.max(height, rows.size());
        }
        List<Row> out = new ArrayList<>(height);
        for (int r = 0; r < height; r++) {
            List<Span> spans = new ArrayList<>();
            spans.add(new Span("│ ", FRAME));
            for (int c = 0; c < widths.length; c++) {
                Row row = r < wrapped.get(c).size() ? wrapped.get(c).get(r) : Row.EMPTY;
                TableCell.Alignment alignment = c < line.size() ? line.get(c).alignment() : null;
                int space = widths[c] - row.width();
                int before = alignment == TableCell.Alignment.RIGHT ? space
                        : alignment == TableCell.Alignment.CENTER ? space / 2 : 0;
                if (before > 0) {
                    spans.add(new Span(" ".repeat(before), Style.PLAIN));
                }
                spans.addAll(row.spans());
                if (space - before > 0) {
                    spans.add(new Span(" ".repeat(space - before), Style.PLAIN));
                }
                spans.add(new Span(c + 1 < widths.length ? " │ " : " │", FRAME));
            }
            out.add(new Row(spans));
        }
        return out;
    }

    private static Row border(String left, String middle, String right, int[] widths) {
        StringBuilder text = new StringBuilder(left);
        for (int c = 0; c < widths.length; c++) {
            text.append("─".repeat(widths[c] + 2)).append(c + 1 < widths.length ? middle : right);
        }
        return Row.of(new Span(text.toString(), FRAME));
    }

    /** Too narrow for a box: each row's cells on one wrapped line, separated by bars. */
    private static List<Row> narrow(List<List<Cell>> cells, int width) {
        List<Row> rows = new ArrayList<>();
        for (List<Cell> line : cells) {
            List<Span> spans = new ArrayList<>();
            for (int c = 0; c < line.size(); c++) {
                if (c > 0) {
                    spans.add(new Span(" | ", FRAME));
                }
                spans.addAll(line.get(c).content());
            }
            rows.addAll(Wrapper.wrap(spans, width));
        }
        return rows;
    }
}
