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

    /** {@code t3-20261207-101500-a-lighthouse-at-dusk} (the store adds the extension from the bytes). */
    static String fileName(String prompt, Instant now) {
        String words = prompt.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (words.length() > MAX_WORDS_LENGTH) {
            words = words.substring(0, MAX_WORDS_LENGTH).replaceAll("-+$", "");
        }
        return "t3-" + STAMP.format(now) + (words.isEmpty() ? "" : "-" + words);
    }
}
