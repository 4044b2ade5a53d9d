package io.github.t3chat4j.adapter.cli.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The Markdown samples under {@code src/test/resources/markdown/} and ways to cut them into deltas. */
final class Samples {

    static final List<String> NAMES = List.of("headings-and-emphasis", "code-blocks", "lists", "quotes-rules-links",
            "tables", "cjk-emoji", "long-lines", "mixed-reply");

    private Samples() {
    }

    static String read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/markdown/" + name + ".md")) {
            if (in == null) {
                throw new IllegalStateException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} in pieces of {@code size} code points (never splitting a surrogate pair). */
    static List<String> every(String text, int size) {
        List<String> pieces = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = text.offsetByCodePoints(i, Math.min(size, text.codePointCount(i, text.length())));
            pieces.add(text.substring(i, end));
            i = end;
        }
        return pieces;
    }

    /** {@code text} in pieces of 1 to 12 code points, chosen by a seeded random generator. */
    static List<String> random(String text, long seed) {
        Random random = new Random(seed);
        List<String> pieces = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int size = 1 + random.nextInt(12);
            int end = text.offsetByCodePoints(i, Math.min(size, text.codePointCount(i, text.length())));
            pieces.add(text.substring(i, end));
            i = end;
        }
        return pieces;
    }
}
