package io.github.t3chat4j.domain.search;

import java.util.Locale;

/** How the conversations a search finds are ordered. */
public enum SearchOrder {
    /** Best match first (BM25 over the messages' words), then newest first. */
    RELEVANCE,
    /** The conversation with the most recent matching message first. */
    NEWEST;

    /** The lower-case name used on the command line and in JSON. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code relevance} or {@code newest}, in any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static SearchOrder parse(String text) {
        for (SearchOrder order : values()) {
            if (order.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return order;
            }
        }
        throw new IllegalArgumentException("The order is 'relevance' or 'newest', got '" + text + "'.");
    }
}
