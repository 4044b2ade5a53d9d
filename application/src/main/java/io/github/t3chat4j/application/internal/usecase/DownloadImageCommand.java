package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.application.DownloadProgressListener;
import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.message.ImageTarget;
import io.github.t3chat4j.domain.message.ImageContent;

/**
 * Fetch (unless inline) and save this image at this target. With {@code keepBase64} the result also
 * holds the bytes as base64 (in memory: leave it off for large images that only need to be saved);
 * {@code progress} hears how far the download has come.
 */
public record DownloadImageCommand(ImageContent image, ImageTarget target, boolean keepBase64,
        DownloadProgressListener progress) {

    public DownloadImageCommand {
        requireNonNull(image, "image == null");
        requireNonNull(target, "target == null");
        requireNonNull(progress, "progress == null");
    }

    /** Without progress reports. */
    public DownloadImageCommand(ImageContent image, ImageTarget target, boolean keepBase64) {
        this(image, target, keepBase64, DownloadProgressListener.NONE);
    }
}
