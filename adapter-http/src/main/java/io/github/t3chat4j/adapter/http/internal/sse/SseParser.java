package io.github.t3chat4j.adapter.http.internal.sse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * A line-based parser of the {@code text/event-stream} format on bytes, following WHATWG HTML,
 * "Server-sent events", section 9.2.6 "Interpreting an event stream":
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 *
 * <p>Lines end in CRLF, CR or LF; a line starting with {@code :} is a comment; {@code data:},
 * {@code event:}, {@code id:} and {@code retry:} are the fields, one leading space after the colon is
 * dropped; several {@code data:} lines are joined with {@code "\n"}; a blank line dispatches the event,
 * and a block without data dispatches nothing. One deliberate deviation: an event still pending at end
 * of input (no blank line after it) is dispatched, because servers that cut the last blank line
 * still mean it.
 *
 * <p>{@link #next()} returns as soon as an event's blank line has been read; it never reads ahead. The
 * event's data stays raw UTF-8 bytes ({@link #data()}, {@link #dataLength()}) in a buffer reused from
 * event to event, so a stream of small events allocates nothing here. Not thread-safe. No JSON here.
 */
public final class SseParser {

    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
    private static final byte[] ID = {'i', 'd'};
    private static final byte[] RETRY = {'r', 'e', 't', 'r', 'y'};

    private final LineReader lines;
    private byte[] data = new byte[512];
    private int dataLength;
    private boolean sawData;
    private String pendingType = "";
    private String type = "message";
    private String lastEventId = "";
    private long retryMillis = -1;
    private boolean firstLine = true;

    public SseParser(LineReader lines) {
        this.lines = requireNonNull(lines, "lines == null");
    }

    /**
     * Moves to the next event; false at end of input.
     *
     * @throws IOException when the underlying stream fails
     */
    public boolean next() throws IOException {
        dataLength = 0;
        sawData = false;
        while (true) {
            if (!lines.next()) {
                return sawData && dispatch();
            }
            byte[] line = lines.buffer();
            int start = lines.start();
            int end = start + lines.length();
            if (firstLine) {
                firstLine = false;
                if (end - start >= 3 && line[start] == (byte) 0xEF && line[start + 1] == (byte) 0xBB
                        && line[start + 2] == (byte) 0xBF) {
                    start += 3;
                }
            }
            if (start == end) {
                if (sawData) {
                    return dispatch();
                }
                pendingType = "";
                continue;
            }
            if (line[start] == ':') {
                continue;
            }
            int colon = indexOf(line, start, end, (byte) ':');
            int fieldEnd = colon < 0 ? end : colon;
            int valueStart = colon < 0 ? end : colon + 1;
            if (valueStart < end && line[valueStart] == ' ') {
                valueStart++;
            }
            processField(line, start, fieldEnd, valueStart, end);
        }
    }

    /** The buffer holding the current event's data, joined lines included. */
    public byte[] data() {
        return data;
    }

    /** How many bytes of {@link #data()} the current event's data is. */
    public int dataLength() {
        return dataLength;
    }

    /** The current event's data decoded as UTF-8. */
    public String dataText() {
        return new String(data, 0, dataLength, StandardCharsets.UTF_8);
    }

    /** The current event's type: its {@code event:} field, {@code "message"} when it had none. */
    public String type() {
        return type;
    }

    /** The last event id seen so far ({@code ""} when none). */
    public String lastEventId() {
        return lastEventId;
    }

    /** The last {@code retry:} value in milliseconds, when the server sent one. */
    public OptionalLong retryMillis() {
        return retryMillis < 0 ? OptionalLong.empty() : OptionalLong.of(retryMillis);
    }

    private void processField(byte[] line, int start, int fieldEnd, int valueStart, int end) {
        if (is(line, start, fieldEnd, DATA)) {
            if (sawData) {
                append((byte) '\n');
            }
            append(line, valueStart, end - valueStart);
            sawData = true;
        } else if (is(line, start, fieldEnd, EVENT)) {
            pendingType = text(line, valueStart, end);
        } else if (is(line, start, fieldEnd, ID)) {
            if (indexOf(line, valueStart, end, (byte) 0) < 0) {
                lastEventId = text(line, valueStart, end);
            }
        } else if (is(line, start, fieldEnd, RETRY)) {
            retry(line, valueStart, end);
        }
        // Unknown fields are ignored, as the spec says.
    }

    private void retry(byte[] line, int start, int end) {
        if (start == end || end - start > 18) {
            // The spec only asks for ASCII digits; a value beyond long is ignored.
            return;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            if (line[i] < '0' || line[i] > '9') {
                return;
            }
            value = value * 10 + (line[i] - '0');
        }
        retryMillis = value;
    }

    private boolean dispatch() {
        type = pendingType.isEmpty() ? "message" : pendingType;
        pendingType = "";
        return true;
    }

    private void append(byte b) {
        ensureRoom(1);
        data[dataLength++] = b;
    }

    private void append(byte[] source, int from, int length) {
        ensureRoom(length);
        System.arraycopy(source, from, data, dataLength, length);
        dataLength += length;
    }

    private void ensureRoom(int more) {
        if (dataLength + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + more));
        }
    }

    private static boolean is(byte[] line, int start, int end, byte[] name) {
        return end - start == name.length && Arrays.equals(line, start, end, name, 0, name.length);
    }

    private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
