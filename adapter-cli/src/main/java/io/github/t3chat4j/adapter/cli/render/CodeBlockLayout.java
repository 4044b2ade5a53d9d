package io.github.t3chat4j.adapter.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one code block, built line by line: a top frame with the language, each line coloured (the
 * highlighter's state carries over) and cut to the width behind a gutter, and a bottom frame. Built
 * incrementally or all at once, the rows are the same.
 */
final class CodeBlockLayout {

    private static final Style FRAME = Style.PLAIN.withColour(Style.GREY);
    private static final Span GUTTER = new Span("│ ", FRAME);

    private final String label;
    private final int width;
    private final Highlighter highlighter;

    CodeBlockLayout(String info, int width) {
        this.label = info == null ? "" : info.strip().split("\\s", 2)[0];
        this.width = width;
        this.highlighter = Highlighter.forLanguage(label).orElse(null);
    }

    Row top() {
        return label.isEmpty() ? Row.of(new Span("╭─", FRAME))
                : Row.of(new Span("╭─ ", FRAME), new Span(TerminalSafe.laidOut(label), FRAME.asBold()));
    }

    /** The rows of the next line of code (without its line ending). */
    List<Row> line(String line) {
        String clean = TerminalSafe.laidOut(line);
        List<Span> spans = highlighter == null ? List.of(new Span(clean, Style.PLAIN)) : highlighter.line(clean);
        List<Row> rows = new ArrayList<>();
        for (Row row : Wrapper.cut(spans, width - 2)) {
            rows.add(row.prefixed(GUTTER));
        }
        return rows;
    }

    Row bottom() {
        return Row.of(new Span("╰─", FRAME));
    }

    /** The rows of a block whose content is {@code literal} (lines ended by {@code '\n'}). */
    static List<Row> rows(String info, String literal, int width, boolean closed) {
        CodeBlockLayout layout = new CodeBlockLayout(info, width);
        List<Row> rows = new ArrayList<>();
        rows.add(layout.top());
        String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        if (!text.isEmpty() || literal.endsWith("\n")) {
            for (String line : text.split("\n", -1)) {
                rows.addAll(layout.line(line));
            }
        }
        if (closed) {
            rows.add(layout.bottom());
        }
        return rows;
    }
}
