package io.github.t3chat4j.adapter.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The image formats recognised from their first bytes ("magic numbers"). */
enum ImageFormat {
    PNG("png", "image/png"),
    JPEG("jpg", "image/jpeg"),
    WEBP("webp", "image/webp"),
    GIF("gif", "image/gif"),
    /** Anything else: saved as it is, with a neutral extension. */
    UNKNOWN("bin", "application/octet-stream");

    /** How many leading bytes {@link #detect} needs. */
    static final int HEADER_LENGTH = 12;

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP_TAG = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private final String extension;
    private final String mediaType;

    ImageFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    /** The format whose signature starts {@code header}; a WebP file is {@code RIFF????WEBP}. */
    static ImageFormat detect(byte[] header) {
        if (startsWith(header, 0, PNG_MAGIC)) {
            return PNG;
        }
        if (startsWith(header, 0, JPEG_MAGIC)) {
            return JPEG;
        }
        if (startsWith(header, 0, GIF87) || startsWith(header, 0, GIF89)) {
            return GIF;
        }
        if (startsWith(header, 0, RIFF) && startsWith(header, 8, WEBP_TAG)) {
            return WEBP;
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] header, int offset, byte[] magic) {
        return header.length >= offset + magic.length
                && Arrays.equals(header, offset, offset + magic.length, magic, 0, magic.length);
    }
}
