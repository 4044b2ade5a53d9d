package io.github.t3chat4j.adapter.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Image bytes for tests: real signatures followed by filler. */
final class TestImages {

    static final byte[] PNG = withFiller(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    static final byte[] JPEG = withFiller(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
    static final byte[] GIF = withFiller("GIF89a".getBytes(StandardCharsets.US_ASCII));
    static final byte[] WEBP = withFiller("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII));
    static final byte[] TEXT = "<html>not an image</html>".getBytes(StandardCharsets.US_ASCII);

    private TestImages() {
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** A stream that yields {@code bytes} and then fails as a dropped download would. */
    static InputStream failingAfter(byte[] bytes) {
        return new InputStream() {
            private final InputStream delegate = new ByteArrayInputStream(bytes);

            @Override
            public int read() throws IOException {
                int b = delegate.read();
                if (b < 0) {
                    throw new IOException("connection reset");
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = delegate.read(buffer, offset, length);
                if (n < 0) {
                    throw new IOException("connection reset");
                }
                return n;
            }
        };
    }

    private static byte[] withFiller(byte[] magic) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(magic);
        out.writeBytes(new byte[200_000]);
        return out.toByteArray();
    }
}
