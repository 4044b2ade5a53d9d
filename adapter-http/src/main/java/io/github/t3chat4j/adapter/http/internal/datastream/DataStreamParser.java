package io.github.t3chat4j.adapter.http.internal.datastream;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.internal.sse.LineReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Splits the older AI SDK "data stream" (PROTOCOL.md 3b) into parts, one per line {@code <code>:<json>}:
 * after {@link #next()}, {@link #code()} is the type code ({@code 0} text, {@code g} reasoning, {@code 2}
 * data, {@code 3} error, {@code e}/{@code d} finish, {@code f} start, …) and the JSON payload is
 * {@code payload()[payloadStart() .. payloadStart() + payloadLength())}, raw bytes valid until the next
 * call. Blank lines and lines that do not look like a part are skipped. Reads incrementally:
 * {@link #next()} returns as soon as its line has arrived. Not thread-safe.
 */
public final class DataStreamParser {

    /** The one-character codes as strings, so that the common parts allocate no code. */
    private static final String[] SINGLE = new String[128];

    static {
        for (char c = '0'; c <= 'z'; c++) {
            if (Character.isLetterOrDigit(c)) {
                SINGLE[c] = String.valueOf(c);
            }
        }
    }

    private final LineReader lines;
    private String code;
    private int payloadStart;
    private int payloadLength;

    public DataStreamParser(LineReader lines) {
        this.lines = requireNonNull(lines, "lines == null");
    }

    /** Whether {@code line} looks like a data-stream part ({@code <code>:}), used to sniff the format. */
    public static boolean looksLikePart(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return codeLength(bytes, 0, bytes.length) > 0;
    }

    /** Whether {@code bytes[start .. start + length)} is a data-stream part ({@code <code>:…}). */
    public static boolean isPart(byte[] bytes, int start, int length) {
        return codeLength(bytes, start, length) > 0;
    }

    /**
     * Moves to the next part; false at end of input.
     *
     * @throws IOException when the underlying stream fails
     */
    public boolean next() throws IOException {
        while (lines.next()) {
            byte[] line = lines.buffer();
            int start = lines.start();
            int length = lines.length();
            int codeLength = codeLength(line, start, length);
            if (codeLength > 0) {
                code = codeLength == 1 ? SINGLE[line[start]]
                        : new String(line, start, codeLength, StandardCharsets.US_ASCII);
                payloadStart = start + codeLength + 1;
                payloadLength = length - codeLength - 1;
                return true;
            }
        }
        return false;
    }

    /** The current part's type code. */
    public String code() {
        return code;
    }

    /** The buffer holding the current part's payload. */
    public byte[] payload() {
        return lines.buffer();
    }

    public int payloadStart() {
        return payloadStart;
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** The length of the code before the colon (one or two ASCII letters or digits), or 0 when there is none. */
    private static int codeLength(byte[] line, int start, int length) {
        for (int i = 0; i < Math.min(length, 3); i++) {
            byte b = line[start + i];
            if (b == ':') {
                return i;
            }
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z') || i == 2) {
                return 0;
            }
        }
        return 0;
    }
}
