package io.github.t3chat4j.adapter.http.internal.chat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A reply body that refuses to grow past {@code maxBytes} in all, or past {@code maxLineBytes} without a
 * line break, whatever the server sends: the decoder above it never holds more than one line, so memory
 * stays bounded. Passing a limit fails the read with a {@link LimitExceeded}, which says which.
 */
final class LimitedReplyBody extends FilterInputStream {

    private final long maxBytes;
    private final int maxLineBytes;
    private long total;
    private long lineRun;

    LimitedReplyBody(InputStream in, long maxBytes, int maxLineBytes) {
        super(in);
        this.maxBytes = maxBytes;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            total += n;
            if (total > maxBytes) {
                throw new LimitExceeded("The reply is larger than the limit of " + maxBytes + " bytes");
            }
            if (lineRun + n <= maxLineBytes) {
                // No line can pass the limit in this read: only the bytes after its last break stay open.
                int i = offset + n - 1;
                while (i >= offset && buffer[i] != '\n' && buffer[i] != '\r') {
                    i--;
                }
                lineRun = i >= offset ? offset + n - 1 - i : lineRun + n;
            } else {
                for (int i = offset, end = offset + n; i < end; i++) {
                    countLine(buffer[i]);
                }
            }
        }
        return n;
    }

    private void count(int b) throws IOException {
        if (++total > maxBytes) {
            throw new LimitExceeded("The reply is larger than the limit of " + maxBytes + " bytes");
        }
        countLine(b);
    }

    private void countLine(int b) throws LimitExceeded {
        lineRun = b == '\n' || b == '\r' ? 0 : lineRun + 1;
        if (lineRun > maxLineBytes) {
            throw new LimitExceeded("A line of the reply is longer than the limit of " + maxLineBytes + " bytes");
        }
    }

    /** A limit of the reply was passed: no more of it is read. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message);
        }
    }
}
