package io.github.t3chat4j.adapter.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays styled text out in rows of at most a given width: breaks at spaces and around wide (CJK, emoji)
 * characters, splits a word longer than a row, and starts a new row at each {@code '\n'}. Characters that
 * form one glyph (a base and its combining marks, or an emoji sequence joined by U+200D) stay together.
 */
final class Wrapper {

    private Wrapper() {
    }

    private record Glyph(String text, Style style, int width) {
        boolean isSpace() {
            return text.equals(" ");
        }

        boolean isBreak() {
            return text.equals("\n");
        }
    }

    /** {@code content} in rows of at most {@code width} columns (at least one row). */
    static List<Row> wrap(List<Span> content, int width) {
        int max = Math.max(1, width);
        List<List<Glyph>> rows = new ArrayList<>();
        List<Glyph> row = new ArrayList<>();
        int column = 0;
        List<Glyph> glyphs = glyphs(content);
        int i = 0;
        while (i < glyphs.size()) {
            Glyph glyph = glyphs.get(i);
            if (glyph.isBreak()) {
                rows.add(trimEnd(row));
                row = new ArrayList<>();
                column = 0;
                i++;
            } else if (glyph.isSpace()) {
                if (column + 1 <= max) {
                    row.add(glyph);
                    column++;
                } else {
                    rows.add(trimEnd(row));
                    row = new ArrayList<>();
                    column = 0;
                }
                i++;
            } else {
                int end = wordEnd(glyphs, i);
                int wordWidth = 0;
                for (int j = i; j < end; j++) {
                    wordWidth += glyphs.get(j).width();
                }
                if (column + wordWidth > max && wordWidth <= max && column > 0) {
                    rows.add(trimEnd(row));
                    row = new ArrayList<>();
                    column = 0;
                }
                for (int j = i; j < end; j++) {
                    Glyph part = glyphs.get(j);
                    if (column + part.width() > max && column > 0) {
                        rows.add(trimEnd(row));
                        row = new ArrayList<>();
                        column = 0;
                    }
                    row.add(part);
                    column += part.width();
                }
                i = end;
            }
        }
        rows.add(trimEnd(row));
        List<Row> result = new ArrayList<>(rows.size());
        for (List<Glyph> r : rows) {
            result.add(toRow(r));
        }
        return result;
    }

    /** Splits {@code content} at each {@code '\n'} without wrapping (for code, which is cut, not reflowed). */
    static List<Row> cut(List<Span> content, int width) {
        int max = Math.max(1, width);
        List<Row> rows = new ArrayList<>();
        List<Glyph> row = new ArrayList<>();
        int column = 0;
        for (Glyph glyph : glyphs(content)) {
            if (glyph.isBreak()) {
                rows.add(toRow(row));
                row = new ArrayList<>();
                column = 0;
                continue;
            }
            if (column + glyph.width() > max && column > 0) {
                rows.add(toRow(row));
                row = new ArrayList<>();
                column = 0;
            }
            row.add(glyph);
            column += glyph.width();
        }
        rows.add(toRow(row));
        return rows;
    }

    /** The end of the unbreakable run starting at {@code start}: narrow non-space glyphs, or one wide glyph. */
    private static int wordEnd(List<Glyph> glyphs, int start) {
        if (glyphs.get(start).width() > 1) {
            return start + 1;
        }
        int end = start;
        while (end < glyphs.size()) {
            Glyph g = glyphs.get(end);
            if (g.isSpace() || g.isBreak() || g.width() > 1) {
                break;
            }
            end++;
        }
        return end;
    }

    private static List<Glyph> trimEnd(List<Glyph> row) {
        int end = row.size();
        while (end > 0 && row.get(end - 1).isSpace()) {
            end--;
        }
        return row.subList(0, end);
    }

    private static Row toRow(List<Glyph> glyphs) {
        List<Span> spans = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Style style = null;
        for (Glyph glyph : glyphs) {
            if (style != null && !style.equals(glyph.style())) {
                spans.add(new Span(text.toString(), style));
                text.setLength(0);
            }
            style = glyph.style();
            text.append(glyph.text());
        }
        if (style != null && text.length() > 0) {
            spans.add(new Span(text.toString(), style));
        }
        return new Row(spans);
    }

    private static List<Glyph> glyphs(List<Span> content) {
        List<Glyph> glyphs = new ArrayList<>();
        for (Span span : content) {
            String text = span.text();
            int i = 0;
            while (i < text.length()) {
                int start = i;
                int base = text.codePointAt(i);
                i += Character.charCount(base);
                if (base != '\n') {
                    boolean joined = false;
                    while (i < text.length()) {
                        int next = text.codePointAt(i);
                        if (joined || next == 0x200D || next != '\n' && DisplayWidth.of(next) == 0 && next >= 0x300) {
                            joined = next == 0x200D;
                            i += Character.charCount(next);
                        } else {
                            break;
                        }
                    }
                }
                String glyph = text.substring(start, i);
                glyphs.add(new Glyph(glyph, span.style(), base == '\n' ? 0 : DisplayWidth.of(glyph)));
            }
        }
        return glyphs;
    }
}
