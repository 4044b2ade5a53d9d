package io.github.t3chat4j.domain.session;

import static java.util.Objects.requireNonNull;

/**
 * The opaque id the t3.chat web app keeps in local storage and sends with every chat request. A
 * secret: {@link #toString()} is redacted; {@link #value()} is for the wire only.
 */
public final class ConvexSessionId {

    /** No id: the id of {@link Session#anonymous()}. */
    public static final ConvexSessionId NONE = new ConvexSessionId("");

    private final String value;

    private ConvexSessionId(String value) {
        this.value = value;
    }

    /**
     * Builds the id from what the user pasted; surrounding quotes are removed.
     *
     * @throws IllegalArgumentException if nothing is left once quotes and blanks are removed
     */
    public static ConvexSessionId of(String raw) {
        requireNonNull(raw, "convex session id == null");
        String cleaned = Secrets.stripQuotes(raw);
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException(
                    "The convex session id is empty: copy the value of 'convex-session-id' from the"
                            + " t3.chat site's local storage in your browser's developer tools.");
        }
        return new ConvexSessionId(cleaned);
    }

    /** The raw id, for the request body. Never log it. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConvexSessionId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ConvexSessionId[redacted]";
    }
}
