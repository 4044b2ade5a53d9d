package io.github.t3chat4j.adapter.cli;

/** Small text helpers for showing replies on one line. */
final class Conversations {

    private Conversations() {
    }

    /** The first line of {@code text}, cut to 80 characters. */
    static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }
}
