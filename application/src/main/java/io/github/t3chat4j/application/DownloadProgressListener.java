package io.github.t3chat4j.application;

/**
 * Hears how far an image download has come, on the downloading thread, after each read: bytes so far
 * and the total ({@code -1} when the server did not say).
 */
@FunctionalInterface
public interface DownloadProgressListener {

    /** A listener that ignores progress. */
    DownloadProgressListener NONE = (bytesSoFar, totalBytes) -> { };

    void onProgress(long bytesSoFar, long totalBytes);
}
