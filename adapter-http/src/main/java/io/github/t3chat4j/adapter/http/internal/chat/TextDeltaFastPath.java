package io.github.t3chat4j.adapter.http.internal.chat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The decoder's fast path for the lines that make up nearly all of a reply: a UI message stream
 * {@code {"type":"text-delta","id":"…","delta":"…"}} written exactly as the AI SDK writes it (that key
 * order, no spaces), and a data-stream {@code 0:"…"} or {@code g:"…"} payload. It decodes the delta
 * straight from the bytes; anything else, or anything it is unsure of, is answered with null and left to
 * the JSON parser, so both paths always agree (a differential test holds them to it). Stateless.
 */
final class TextDeltaFastPath {

    private static final byte[] PREFIX = "{\"type\":\"text-delta\",\"id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DELTA = "\",\"delta\":\"".getBytes(StandardCharsets.US_ASCII);

    private TextDeltaFastPath() {
    }

    /** The delta of a text-delta event in its usual shape, or null when {@code json} is anything else. */
    static String uiMessageDelta(byte[] json, int offset, int length) {
        int end = offset + length;
        if (length < PREFIX.length + DELTA.length + 2
                || !Arrays.equals(json, offset, offset + PREFIX.length, PREFIX, 0, PREFIX.length)) {
            return null;
        }
        int idEnd = offset + PREFIX.length;
        while (idEnd < end && json[idEnd] != '"') {
            if (json[idEnd] == '\\' || (json[idEnd] & 0xFF) < 0x20) {
                return null;
            }
            idEnd++;
        }
        int deltaStart = idEnd + DELTA.length;
        if (deltaStart > end || !Arrays.equals(json, idEnd, deltaStart, DELTA, 0, DELTA.length)) {
            return null;
        }
        int quote = JsonStringBytes.closingQuote(json, deltaStart, end);
        if (quote < 0 || quote + 1 >= end || json[quote + 1] != '}'
                || !JsonStringBytes.onlyWhitespace(json, quote + 2, end)) {
            return null;
        }
        return JsonStringBytes.decode(json, deltaStart, quote);
    }

    /** The text of a data-stream payload that is one JSON string, or null when it is anything else. */
    static String dataStreamText(byte[] payload, int offset, int length) {
        int end = offset + length;
        int start = offset;
        while (start < end && isWhitespace(payload[start])) {
            start++;
        }
        if (start == end || payload[start] != '"') {
            return null;
        }
        int quote = JsonStringBytes.closingQuote(payload, start + 1, end);
        if (quote < 0 || !JsonStringBytes.onlyWhitespace(payload, quote + 1, end)) {
            return null;
        }
        return JsonStringBytes.decode(payload, start + 1, quote);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
