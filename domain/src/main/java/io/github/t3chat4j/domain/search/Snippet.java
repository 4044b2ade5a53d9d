package io.github.t3chat4j.domain.search;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A short piece of a matching message (or title) around what matched, on one line (line breaks and runs
 * of spaces become one space), cut at word boundaries where it can be and never inside a character, an
 * emoji sequence or an accent; an ellipsis marks a cut. {@code highlights} are the matched stretches,
 * in order and apart, as {@code [start, end)} indexes into {@code text} (UTF-16 units, as
 * {@link String#substring(int, int)} takes them). The text is as stored: printing it on a terminal is the
 * printer's business.
 */
public record Snippet(String text, List<Range> highlights, Source source) {

    /** Where the snippet comes from. */
    public enum Source { TEXT, REASONING, TITLE }

    /** One highlighted stretch of {@link #text()}. */
    public record Range(int start, int end) {
        public Range {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("A range needs 0 <= start < end, got [" + start + ", " + end + ").");
            }
        }
    }

    public Snippet {
        requireNonNull(text, "text == null");
        highlights = List.copyOf(requireNonNull(highlights, "highlights == null"));
        requireNonNull(source, "source == null");
        int last = 0;
        for (Range range : highlights) {
            if (range.start() < last || range.end() > text.length()) {
                throw new IllegalArgumentException("Highlights must be in order, apart and inside the text.");
            }
            last = range.end();
        }
    }

    /** A snippet of message text without highlights. */
    public static Snippet plain(String text) {
        return new Snippet(text, List.of(), Source.TEXT);
    }
}
