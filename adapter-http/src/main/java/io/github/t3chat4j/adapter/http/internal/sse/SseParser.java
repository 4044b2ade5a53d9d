package io.github.t3chat4j.adapter.http.internal.sse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.util.OptionalLong;

/**
 * A line-based parser of the {@code text/event-stream} format, following WHATWG HTML, "Server-sent
 * events", section 9.2.6 "Interpreting an event stream":
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 *
 * <p>Lines end in CRLF, CR or LF; a line starting with {@code :} is a comment; {@code data:},
 * {@code event:}, {@code id:} and {@code retry:} are the fields, one leading space after the colon is
 * dropped; several {@code data:} lines are joined with {@code "\n"}; a blank line dispatches the event,
 * and a block without data dispatches nothing. One deliberate deviation: an event still pending at end
 * of input (no blank line after it) is dispatched, because servers that cut the last blank line
 * still mean it.
 *
 * <p>{@link #next()} returns as soon as an event's blank line has been read; it never reads ahead.
 * Not thread-safe. No JSON here: {@link SseEvent#data()} is the raw text.
 */
public final class SseParser {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final LineReader lines;
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventId = "";
    private long retryMillis = -1;
    private boolean sawData;
    private boolean firstLine = true;

    public SseParser(Reader in) {
        this(new LineReader(requireNonNull(in, "in == null")));
    }

    public SseParser(LineReader lines) {
        this.lines = requireNonNull(lines, "lines == null");
    }

    /**
     * The next event, or null at end of input.
     *
     * @throws IOException when the underlying reader fails
     */
    public SseEvent next() throws IOException {
        while (true) {
            String line = lines.readLine();
            if (line == null) {
                return sawData ? dispatch() : null;
            }
            if (firstLine) {
                firstLine = false;
                if (!line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                    line = line.substring(1);
                }
            }
            if (line.isEmpty()) {
                if (sawData) {
                    return dispatch();
                }
                eventType = "";
                continue;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = "";
            if (colon >= 0) {
                int start = colon + 1;
                if (start < line.length() && line.charAt(start) == ' ') {
                    start++;
                }
                value = line.substring(start);
            }
            processField(field, value);
        }
    }

    /** The last {@code retry:} value in milliseconds, when the server sent one. */
    public OptionalLong retryMillis() {
        return retryMillis < 0 ? OptionalLong.empty() : OptionalLong.of(retryMillis);
    }

    private void processField(String field, String value) {
        switch (field) {
            case "event":
                eventType = value;
                break;
            case "data":
                if (sawData) {
                    data.append('\n');
                }
                data.append(value);
                sawData = true;
                break;
            case "id":
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
                break;
            case "retry":
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    try {
                        retryMillis = Long.parseLong(value);
                    } catch (NumberFormatException tooLarge) {
                        // The spec only asks for ASCII digits; a value beyond long is ignored.
                    }
                }
                break;
            default:
                // Unknown fields are ignored, as the spec says.
                break;
        }
    }

    private SseEvent dispatch() {
        SseEvent event = new SseEvent(eventType.isEmpty() ? "message" : eventType, data.toString(), lastEventId);
        data.setLength(0);
        sawData = false;
        eventType = "";
        return event;
    }
}
