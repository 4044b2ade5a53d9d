package io.github.t3chat4j.adapter.openai;

import java.util.List;
import java.util.Optional;

/**
 * Cuts a streamed answer at the first of the client's stop sequences (Anthropic's
 * {@code stop_sequences}): text is let through as it comes, except a tail that could be the start of a
 * stop sequence, which waits for the next piece; once a sequence appears, the text before it is the
 * last let through. t3.chat cannot be told to stop, so the rest of its reply is read and dropped. One
 * thread at a time.
 */
final class StopSequences {

    private final List<String> stops;
    private final StringBuilder held = new StringBuilder();
    private String matched;

    StopSequences(List<String> stops) {
        this.stops = List.copyOf(stops);
    }

    /** The part of what has come, with {@code delta}, that may be shown now; empty once stopped. */
    String feed(String delta) {
        if (matched != null) {
            return "";
        }
        if (stops.isEmpty()) {
            return delta;
        }
        held.append(delta);
        int first = -1;
        for (String stop : stops) {
            int at = held.indexOf(stop);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
                matched = stop;
            }
        }
        if (first >= 0) {
            String shown = held.substring(0, first);
            held.setLength(0);
            return shown;
        }
        int keep = longestPossibleStart();
        String shown = held.substring(0, held.length() - keep);
        held.delete(0, held.length() - keep);
        return shown;
    }

    /** What was held back, at the end of the answer (it was no stop sequence after all). */
    String flush() {
        String rest = matched == null ? held.toString() : "";
        held.setLength(0);
        return rest;
    }

    /** The stop sequence the answer was cut at, if any. */
    Optional<String> matched() {
        return Optional.ofNullable(matched);
    }

    /** The length of the longest end of the held text that begins some stop sequence. */
    private int longestPossibleStart() {
        String text = held.toString();
        int longest = 0;
        for (String stop : stops) {
            for (int length = Math.min(stop.length() - 1, text.length()); length > longest; length--) {
                if (text.regionMatches(text.length() - length, stop, 0, length)) {
                    longest = length;
                    break;
                }
            }
        }
        return longest;
    }
}
