package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.message.ImageContent;

/**
 * Reads a reply's image into memory without saving it anywhere: an inline image as it is, an image at
 * a URL downloaded (without the t3.chat cookie, under the transport's size cap). The result holds the
 * bytes as base64 and the media type when known. For callers that pass the image on (the gateway's
 * {@code b64_json}); {@link DownloadImageUseCase} saves one to a file instead.
 */
public interface ReadImageUseCase {

    ImageContent readImage(ReadImageQuery query);
}
