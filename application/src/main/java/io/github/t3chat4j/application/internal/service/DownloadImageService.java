package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.internal.usecase.DownloadImageCommand;
import io.github.t3chat4j.application.internal.usecase.DownloadImageUseCase;
import io.github.t3chat4j.application.DownloadProgressListener;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.FetchedImage;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import io.github.t3chat4j.domain.message.ImageContent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Base64;

/** Streams an image from its URL (or its inline bytes) into the image store. */
public final class DownloadImageService implements DownloadImageUseCase {

    private final FetchImagePort fetchImage;
    private final SaveImagePort saveImage;

    public DownloadImageService(FetchImagePort fetchImage, SaveImagePort saveImage) {
        this.fetchImage = requireNonNull(fetchImage, "fetchImage == null");
        this.saveImage = requireNonNull(saveImage, "saveImage == null");
    }

    @Override
    public ImageContent downloadImage(DownloadImageCommand command) {
        ImageContent image = command.image();
        if (image.isInline()) {
            byte[] bytes = image.bytes().orElseThrow(() -> new InvalidInputException("The inline image has no data."));
            Path saved = saveImage.save(new ByteArrayInputStream(bytes), command.target());
            return image.withLocalPath(saved.toString());
        }
        URI url = parse(image.url().orElseThrow());
        try (FetchedImage fetched = fetchImage.fetch(url)) {
            ByteArrayOutputStream copy = command.keepBase64() ? new ByteArrayOutputStream() : null;
            InputStream body = new TeeInputStream(fetched.body(), copy, command.progress(), fetched.contentLength());
            Path saved = saveImage.save(body, command.target());
            ImageContent result = image.withLocalPath(saved.toString());
            if (copy != null) {
                String type = fetched.mediaType().isEmpty() ? null : fetched.mediaType();
                result = result.withBase64Data(Base64.getEncoder().encodeToString(copy.toByteArray()), type);
            }
            return result;
        }
    }

    /**
     * Reports progress after each read and, when asked, copies what is read into a buffer, so the base64
     * copy needs no second read of the saved file.
     */
    private static final class TeeInputStream extends FilterInputStream {
        private final OutputStream copy;
        private final DownloadProgressListener progress;
        private final long total;
        private long read;

        TeeInputStream(InputStream in, OutputStream copy, DownloadProgressListener progress, long total) {
            super(in);
            this.copy = copy;
            this.progress = progress;
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                if (copy != null) {
                    copy.write(b);
                }
                progress.onProgress(++read, total);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                if (copy != null) {
                    copy.write(buffer, offset, n);
                }
                read += n;
                progress.onProgress(read, total);
            }
            return n;
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
