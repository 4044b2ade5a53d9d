package io.github.t3chat4j.adapter.http.internal.datastream;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.internal.sse.LineReader;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Splits the older AI SDK "data stream" (PROTOCOL.md 3b) into {@link DataStreamPart}s, one per line
 * {@code <code>:<json>}. Blank lines and lines that do not look like a part are skipped. Reads
 * incrementally: {@link #next()} returns as soon as its line has arrived. Not thread-safe.
 */
public final class DataStreamParser {

    private static final Pattern CODE = Pattern.compile("[0-9a-zA-Z]{1,2}");

    private final LineReader lines;

    public DataStreamParser(LineReader lines) {
        this.lines = requireNonNull(lines, "lines == null");
    }

    /** Whether {@code line} looks like a data-stream part ({@code <code>:}), used to sniff the format. */
    public static boolean looksLikePart(String line) {
        int colon = line.indexOf(':');
        return colon > 0 && CODE.matcher(line.substring(0, colon)).matches();
    }

    /**
     * The next part, or null at end of input.
     *
     * @throws IOException when the underlying reader fails
     */
    public DataStreamPart next() throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            if (looksLikePart(line)) {
                int colon = line.indexOf(':');
                return new DataStreamPart(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return null;
    }
}
