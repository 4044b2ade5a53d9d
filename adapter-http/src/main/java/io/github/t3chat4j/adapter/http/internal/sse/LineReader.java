package io.github.t3chat4j.adapter.http.internal.sse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines ending in CRLF, CR or LF from an {@link InputStream} as bytes, one at a time, without
 * decoding them: after {@link #next()} the line is {@code buffer()[start() .. start() + length())}, a view
 * into this reader's buffer that stays valid until the next call. A line split across reads (and so a
 * UTF-8 character split across network packets) is whole once returned. It never blocks for more input
 * than the line it returns needs: after a CR it does not wait to see whether an LF follows, but skips that
 * LF when it arrives. A last line without a line ending is returned at end of input; a line longer than
 * the buffer grows it. Not thread-safe.
 */
public final class LineReader {

    private static final int INITIAL_SIZE = 16 * 1024;

    private final InputStream in;
    private byte[] buffer = new byte[INITIAL_SIZE];
    private int position;
    private int limit;
    private int lineStart;
    private int lineLength;
    private boolean skipLineFeed;
    private boolean endOfInput;
    private boolean pushedBack;

    public LineReader(InputStream in) {
        this.in = requireNonNull(in, "in == null");
    }

    /**
     * Moves to the next line; false at end of input.
     *
     * @throws IOException when the stream fails
     */
    public boolean next() throws IOException {
        if (pushedBack) {
            pushedBack = false;
            return true;
        }
        if (skipLineFeed) {
            if (position == limit && !fill()) {
                return false;
            }
            skipLineFeed = false;
            if (buffer[position] == '\n') {
                position++;
            }
        }
        int scan = position;
        while (true) {
            byte[] bytes = buffer;
            for (int end = limit; scan < end; scan++) {
                byte b = bytes[scan];
                if (b == '\n' || b == '\r') {
                    lineStart = position;
                    lineLength = scan - position;
                    position = scan + 1;
                    skipLineFeed = b == '\r';
                    return true;
                }
            }
            int scanned = scan - position;
            if (!fill()) {
                if (limit > position) {
                    lineStart = position;
                    lineLength = limit - position;
                    position = limit;
                    return true;
                }
                return false;
            }
            scan = position + scanned;
        }
    }

    /** The buffer that holds the current line. */
    public byte[] buffer() {
        return buffer;
    }

    /** Where the current line starts in {@link #buffer()}. */
    public int start() {
        return lineStart;
    }

    /** The length in bytes of the current line, without its ending. */
    public int length() {
        return lineLength;
    }

    /** The current line decoded as UTF-8 (malformed bytes become U+FFFD); for the rare line that needs a String. */
    public String text() {
        return new String(buffer, lineStart, lineLength, StandardCharsets.UTF_8);
    }

    /** Makes the next {@link #next()} return the current line again (used to sniff the first line). */
    public void pushBack() {
        pushedBack = true;
    }

    /** Looks at a whole line without consuming it: see {@link #anyBufferedLine}. */
    @FunctionalInterface
    public interface LineVisitor {

        /** Whether {@code buffer[start .. start + length)}, a whole line without its ending, is what is looked for. */
        boolean matches(byte[] buffer, int start, int length);
    }

    /**
     * Whether a whole line already in the buffer (the line pushed back included) matches {@code visitor},
     * in order, without consuming anything and without reading: what a reader that asks "would the next
     * read wait?" needs. A partial last line is never visited.
     */
    public boolean anyBufferedLine(LineVisitor visitor) {
        if (pushedBack && visitor.matches(buffer, lineStart, lineLength)) {
            return true;
        }
        int from = position;
        if (skipLineFeed && from < limit && buffer[from] == '\n') {
            from++;
        }
        for (int scan = from; scan < limit; scan++) {
            byte b = buffer[scan];
            if (b == '\n' || b == '\r') {
                if (visitor.matches(buffer, from, scan - from)) {
                    return true;
                }
                if (b == '\r' && scan + 1 < limit && buffer[scan + 1] == '\n') {
                    scan++;
                }
                from = scan + 1;
            }
        }
        return false;
    }

    /**
     * Reads the bytes the stream says it can give without blocking ({@link InputStream#available()}), if
     * any; false when there were none (or the input has ended).
     *
     * @throws IOException when the stream fails
     */
    public boolean fillAvailable() throws IOException {
        if (endOfInput || pushedBack || in.available() <= 0) {
            return false;
        }
        compactAndMakeRoom();
        int n = in.read(buffer, limit, Math.min(in.available(), buffer.length - limit));
        if (n < 0) {
            endOfInput = true;
            return false;
        }
        limit += n;
        return n > 0;
    }

    /** Moves the unread bytes to the front (growing the buffer when they fill it) and reads more; false at end. */
    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        compactAndMakeRoom();
        int n;
        do {
            n = in.read(buffer, limit, buffer.length - limit);
        } while (n == 0);
        if (n < 0) {
            endOfInput = true;
            return false;
        }
        limit += n;
        return true;
    }

    private void compactAndMakeRoom() {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            lineStart = 0;
            lineLength = 0;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
    }
}
