package io.github.t3chat4j.application.port.out;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An image download in progress: its body as a stream, its media type ({@code ""} when unknown) and
 * its length ({@code -1} when unknown). The caller closes it.
 */
public record FetchedImage(InputStream body, String mediaType, long contentLength) implements AutoCloseable {

    public FetchedImage {
        requireNonNull(body, "body == null");
        requireNonNull(mediaType, "mediaType == null");
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
