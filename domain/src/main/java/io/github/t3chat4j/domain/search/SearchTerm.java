package io.github.t3chat4j.domain.search;

import static java.util.Objects.requireNonNull;

/**
 * One thing to look for, as typed: a word ({@code maven}), a phrase ({@code "maven shade plugin"}: its
 * words one after the other) or a prefix ({@code shad*}: any word that starts so). Matching ignores case
 * and accents; text in scripts written without spaces (Chinese, Japanese, Korean) is found wherever it
 * occurs, as a run of characters.
 */
public record SearchTerm(String text, Kind kind) {

    /** How the text of a term is matched. */
    public enum Kind {
        /** The words of the text, one after the other (a single word is the common case). */
        WORDS,
        /** As {@link #WORDS}, the last word being a prefix of a word. */
        PREFIX
    }

    public SearchTerm {
        requireNonNull(text, "text == null");
        requireNonNull(kind, "kind == null");
        if (text.isBlank()) {
            throw new IllegalArgumentException("A search term cannot be empty.");
        }
    }

    /** A word or phrase. */
    public static SearchTerm words(String text) {
        return new SearchTerm(text, Kind.WORDS);
    }

    /** Words whose last one is a prefix. */
    public static SearchTerm prefix(String text) {
        return new SearchTerm(text, Kind.PREFIX);
    }

    /** The term as it would be typed: {@code word}, {@code "two words"}, {@code pre*}. */
    @Override
    public String toString() {
        String quoted = text.chars().anyMatch(Character::isWhitespace) ? '"' + text + '"' : text;
        return kind == Kind.PREFIX ? quoted + "*" : quoted;
    }
}
