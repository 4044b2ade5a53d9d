package io.github.t3chat4j.adapter.cli.render;

import static java.util.Objects.requireNonNull;

/** A run of text in one {@link Style}; the text holds no control characters. */
record Span(String text, Style style) {

    Span {
        requireNonNull(text, "text == null");
        requireNonNull(style, "style == null");
    }

    int width() {
        return DisplayWidth.of(text);
    }
}
