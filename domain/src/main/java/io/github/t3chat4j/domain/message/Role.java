package io.github.t3chat4j.domain.message;

import java.util.Locale;

/** Who wrote a message. */
public enum Role {
    USER, ASSISTANT;

    /** The lower-case form the wire uses. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code user} or {@code assistant}, in any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("A role is 'user' or 'assistant', got '" + text + "'.");
    }
}
