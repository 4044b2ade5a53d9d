package io.github.t3chat4j.adapter.http.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reading a body without trusting its size: the start of it up to a limit, or a view that fails once
 * more than a cap has been read. Every bounded read of the adapter goes through here.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /** The first bytes of a body, and whether that was all of it. */
    record Prefix(byte[] bytes, boolean whole) {
    }

    /** Reads up to {@code limit} bytes, and one more to learn whether the body goes on. */
    static Prefix readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit);
        boolean whole = bytes.length < limit || in.read() < 0;
        return new Prefix(bytes, whole);
    }

    /** A view of {@code in} whose reads fail with an {@link IOException} once more than {@code cap} bytes came. */
    static InputStream capped(InputStream in, long cap) {
        return new Capped(in, cap);
    }

    private static final class Capped extends FilterInputStream {
        private final long cap;
        private long count;

        Capped(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws IOException {
            count += n;
            if (count > cap) {
                throw new IOException("The body is larger than the limit of " + cap + " bytes; download stopped.");
            }
        }
    }
}
