package io.github.t3chat4j.domain.chat;

import static java.util.Objects.requireNonNull;

/** A t3.chat model id such as {@code gemini-2.5-flash-lite}: non-blank, without white space. */
public record ModelId(String value) {

    /** The fast, cheap default model. */
    public static final ModelId DEFAULT = new ModelId("gemini-2.5-flash-lite");
    /** The default image model. */
    public static final ModelId DEFAULT_IMAGE = new ModelId("gpt-image-1");

    public ModelId {
        requireNonNull(value, "model id == null");
        value = value.strip();
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A model id must be one word such as 'gemini-2.5-flash-lite', got '"
                    + value + "'.");
        }
    }

    public static ModelId of(String value) {
        return new ModelId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
