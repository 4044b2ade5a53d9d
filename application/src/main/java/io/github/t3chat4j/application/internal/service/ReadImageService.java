package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.internal.usecase.ReadImageQuery;
import io.github.t3chat4j.application.internal.usecase.ReadImageUseCase;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.FetchedImage;
import io.github.t3chat4j.domain.message.ImageContent;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;

/** Reads an image into memory: inline bytes as they are, a URL through {@link FetchImagePort}. */
public final class ReadImageService implements ReadImageUseCase {

    private final FetchImagePort fetchImage;

    public ReadImageService(FetchImagePort fetchImage) {
        this.fetchImage = requireNonNull(fetchImage, "fetchImage == null");
    }

    @Override
    public ImageContent readImage(ReadImageQuery query) {
        ImageContent image = requireNonNull(query, "query == null").image();
        if (image.base64Data().isPresent()) {
            return image;
        }
        URI url = parse(image.url().orElseThrow(() -> new InvalidInputException("The image has no URL and no data.")));
        try (FetchedImage fetched = fetchImage.fetch(url)) {
            byte[] bytes = fetched.body().readAllBytes();
            String type = fetched.mediaType().isEmpty() ? null : fetched.mediaType();
            return image.withBase64Data(Base64.getEncoder().encodeToString(bytes), type);
        } catch (IOException e) {
            throw new TransportException("The image download failed: " + e.getMessage(), e);
        }
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("The image URL is not a valid URL.");
        }
    }
}
