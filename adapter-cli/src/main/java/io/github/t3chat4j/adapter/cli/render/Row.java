package io.github.t3chat4j.adapter.cli.render;

import java.util.ArrayList;
import java.util.List;

/** One terminal row of styled text, never wider than the width it was laid out for. */
record Row(List<Span> spans) {

    static final Row EMPTY = new Row(List.of());

    Row {
        spans = List.copyOf(spans);
    }

    static Row of(Span... spans) {
        return new Row(List.of(spans));
    }

    int width() {
        int width = 0;
        for (Span span : spans) {
            width += span.width();
        }
        return width;
    }

    /** This row with {@code prefix} in front. */
    Row prefixed(Span prefix) {
        List<Span> joined = new ArrayList<>(spans.size() + 1);
        joined.add(prefix);
        joined.addAll(spans);
        return new Row(joined);
    }

    /** This row followed by {@code more}. */
    Row append(Span... more) {
        List<Span> joined = new ArrayList<>(spans);
        joined.addAll(List.of(more));
        return new Row(joined);
    }

    /** The text without styles. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (Span span : spans) {
            text.append(span.text());
        }
        return text.toString();
    }
}
