package io.github.t3chat4j.adapter.http.internal.sse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads lines ending in CRLF, CR or LF from a {@link Reader}, one at a time. It never blocks for more
 * input than the line it returns needs: after a CR it does not wait to see whether an LF follows, but
 * skips that LF when it arrives. A last line without a line ending is returned at end of input.
 * Not thread-safe.
 */
public final class LineReader {

    private static final int BUFFER_SIZE = 8192;

    private final Reader in;
    private final char[] buffer = new char[BUFFER_SIZE];
    private final Deque<String> pushedBack = new ArrayDeque<>();
    private int position;
    private int limit;
    private boolean skipLineFeed;
    private boolean endOfInput;

    public LineReader(Reader in) {
        this.in = requireNonNull(in, "in == null");
    }

    /**
     * The next line without its ending, or null at end of input.
     *
     * @throws IOException when the reader fails
     */
    public String readLine() throws IOException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.pop();
        }
        StringBuilder line = null;
        while (true) {
            if (position == limit) {
                if (endOfInput || !fill()) {
                    return line == null ? null : line.toString();
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c == '\n' || c == '\r') {
                    String text = line == null ? new String(buffer, start, position - start)
                            : line.append(buffer, start, position - start).toString();
                    position++;
                    skipLineFeed = c == '\r';
                    return text;
                }
                position++;
            }
            if (line == null) {
                line = new StringBuilder(Math.max(16, position - start));
            }
            line.append(buffer, start, position - start);
        }
    }

    /** Makes {@code line} the next one {@link #readLine()} returns (used to sniff the first line). */
    public void pushBack(String line) {
        pushedBack.push(requireNonNull(line, "line == null"));
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            endOfInput = true;
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
