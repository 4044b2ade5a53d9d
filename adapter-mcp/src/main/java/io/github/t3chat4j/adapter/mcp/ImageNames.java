package io.github.t3chat4j.adapter.mcp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** File names for generated images: the time and a few words of the prompt, nothing a file system minds. */
final class ImageNames {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_WORDS_LENGTH = 40;

    private ImageNames() {
    }

    /** The media type of an image's bytes, by their first bytes (PNG, JPEG, GIF, WebP), else PNG. */
    static String mediaType(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (bytes.length >= 4 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == '8') {
            return "image/gif";
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return "image/webp";
        }
        return "image/png";
    }

    /** {@code t3-20261207-101500-a-lighthouse-at-dusk} (the store adds the extension from the bytes). */
    static String fileName(String prompt, Instant now) {
        String words = prompt.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (words.length() > MAX_WORDS_LENGTH) {
            words = words.substring(0, MAX_WORDS_LENGTH).replaceAll("-+$", "");
        }
        return "t3-" + STAMP.format(now) + (words.isEmpty() ? "" : "-" + words);
    }
}
