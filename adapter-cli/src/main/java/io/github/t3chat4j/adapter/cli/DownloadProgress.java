package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.application.DownloadProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One progress line on a terminal, rewritten in place ({@code \r}) at most every 64 KiB:
 * "Downloading the image… 1.2 MB of 3.4 MB (35%)". Only for terminals: it writes control characters.
 */
final class DownloadProgress implements DownloadProgressListener {

    private static final long STEP = 64 * 1024;

    private final PrintWriter err;
    private long shown = -STEP;
    private boolean wrote;

    DownloadProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onProgress(long bytesSoFar, long totalBytes) {
        if (bytesSoFar - shown < STEP && bytesSoFar != totalBytes) {
            return;
        }
        shown = bytesSoFar;
        wrote = true;
        String of = totalBytes > 0
                ? " of " + size(totalBytes) + String.format(Locale.ROOT, " (%d%%)", bytesSoFar * 100 / totalBytes) : "";
        err.print("\rDownloading the image… " + size(bytesSoFar) + of + "\u001b[K");
        err.flush();
    }

    /** Ends the progress line. */
    void finish() {
        if (wrote) {
            err.println();
            err.flush();
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
