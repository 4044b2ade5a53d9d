package io.github.t3chat4j.application.internal.usecase;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.message.ImageContent;

/** Read the bytes of {@code image}. */
public record ReadImageQuery(ImageContent image) {

    public ReadImageQuery {
        requireNonNull(image, "image == null");
    }
}
