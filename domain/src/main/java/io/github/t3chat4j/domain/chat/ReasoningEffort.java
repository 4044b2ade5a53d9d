package io.github.t3chat4j.domain.chat;

import java.util.Locale;

/** How hard a reasoning model thinks before answering; sent as {@code modelParams.reasoningEffort}. */
public enum ReasoningEffort {
    LOW, MEDIUM, HIGH;

    /** The lower-case form the wire uses. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code low}, {@code medium} or {@code high}, in any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ReasoningEffort parse(String text) {
        for (ReasoningEffort effort : values()) {
            if (effort.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return effort;
            }
        }
        throw new IllegalArgumentException("Reasoning effort must be low, medium or high, got '" + text + "'.");
    }
}
