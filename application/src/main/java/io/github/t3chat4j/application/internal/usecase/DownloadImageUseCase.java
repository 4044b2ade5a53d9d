package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.message.ImageContent;

/**
 * Downloads an image (without the t3.chat cookie) and saves it; inline images are saved from their
 * bytes. Returns the image with its local path set. Throws
 * {@link io.github.t3chat4j.application.error.T3ChatException} subtypes on failure.
 */
public interface DownloadImageUseCase {

    ImageContent downloadImage(DownloadImageCommand command);
}
