package io.github.t3chat4j.adapter.http.internal.chat;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.internal.datastream.DataStreamParser;
import io.github.t3chat4j.adapter.http.internal.sse.LineReader;
import io.github.t3chat4j.adapter.http.internal.sse.SseParser;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.Set;

/**
 * Decodes a reply body into {@link ChatEvent}s lazily: each {@link #hasNext()} reads only as far as the
 * next event. It works on the body's bytes: lines are framed and JSON is read without decoding a line
 * into a {@code String} first, and a UTF-8 character split across network reads is whole by the time
 * its line is. Applies the stream-wide rules: {@code [DONE]} ends the stream (with a Finished when none
 * came before), only the first finish counts, an image URL is reported once. A read failure surfaces
 * as {@link UncheckedIOException}. One decoder per body; not thread-safe.
 */
final class ChatEventDecoder implements Iterator<ChatEvent> {

    private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};

    private final LineReader lines;
    private final ChatEventMapper mapper;
    private final Queue<ChatEvent> pending = new ArrayDeque<>();
    private final Set<String> imagesSeen = new HashSet<>();
    private StreamFormat format;
    private SseParser sse;
    private DataStreamParser dataStream;
    private boolean finished;
    private boolean ended;

    ChatEventDecoder(InputStream body, StreamFormat format, ChatEventMapper mapper) {
        this.lines = new LineReader(requireNonNull(body, "body == null"));
        this.format = requireNonNull(format, "format == null");
        this.mapper = requireNonNull(mapper, "mapper == null");
    }

    @Override
    public boolean hasNext() {
        try {
            while (pending.isEmpty() && !ended) {
                pull();
            }
        } catch (IOException e) {
            ended = true;
            throw new UncheckedIOException(e);
        }
        return !pending.isEmpty();
    }

    /**
     * Whether {@link #hasNext()} would answer without waiting for more input: an event is pending, the
     * body has ended, or the bytes of a whole event are buffered (those the body says it can give without
     * blocking are read first, never more). An event is whole at its blank line in an event stream, at its
     * line ending in a data stream. A read failure counts as ready: the next pull meets it at once.
     */
    boolean ready() {
        if (!pending.isEmpty() || ended) {
            return true;
        }
        if (format == StreamFormat.UNKNOWN) {
            return false;
        }
        try {
            do {
                if (wholeEventBuffered()) {
                    return true;
                }
            } while (lines.fillAvailable());
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private boolean wholeEventBuffered() {
        if (format == StreamFormat.UI_MESSAGE_STREAM) {
            boolean[] sawData = {false};
            return lines.anyBufferedLine((bytes, start, length) -> {
                if (length == 0) {
                    return sawData[0];
                }
                if (length >= 4 && bytes[start] == 'd' && bytes[start + 1] == 'a' && bytes[start + 2] == 't'
                        && bytes[start + 3] == 'a' && (length == 4 || bytes[start + 4] == ':')) {
                    sawData[0] = true;
                }
                return false;
            });
        }
        return lines.anyBufferedLine((bytes, start, length) -> DataStreamParser.isPart(bytes, start, length));
    }

    @Override
    public ChatEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The reply stream has ended.");
        }
        return pending.remove();
    }

    private void pull() throws IOException {
        if (format == StreamFormat.UNKNOWN) {
            sniff();
            return;
        }
        if (format == StreamFormat.UI_MESSAGE_STREAM) {
            pullUiMessage();
        } else {
            pullDataStream();
        }
    }

    private void sniff() throws IOException {
        do {
            if (!lines.next()) {
                ended = true;
                return;
            }
        } while (isBlank(lines.buffer(), lines.start(), lines.start() + lines.length()));
        format = StreamFormat.fromFirstLine(lines.text());
        lines.pushBack();
    }

    private void pullUiMessage() throws IOException {
        if (sse == null) {
            sse = new SseParser(lines);
        }
        if (!sse.next()) {
            ended = true;
            return;
        }
        if (isDone(sse.data(), sse.dataLength())) {
            if (!finished) {
                offer(List.of(new ChatEvent.Finished("")));
            }
            ended = true;
            return;
        }
        offer(mapper.fromUiMessage(sse.data(), 0, sse.dataLength()));
    }

    private void pullDataStream() throws IOException {
        if (dataStream == null) {
            dataStream = new DataStreamParser(lines);
        }
        if (!dataStream.next()) {
            ended = true;
            return;
        }
        offer(mapper.fromDataStream(dataStream.code(), dataStream.payload(), dataStream.payloadStart(),
                dataStream.payloadLength()));
    }

    /** True once a finish was decoded: what is left of the body is its tail ({@code [DONE]}, framing). */
    boolean finished() {
        return finished;
    }

    /** Whether the event's data is {@code [DONE]}, blanks around it allowed. */
    private static boolean isDone(byte[] data, int length) {
        int start = 0;
        int end = length;
        while (start < end && isBlankByte(data[start])) {
            start++;
        }
        while (end > start && isBlankByte(data[end - 1])) {
            end--;
        }
        return Arrays.equals(data, start, end, DONE, 0, DONE.length);
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isBlankByte(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlankByte(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0B;
    }

    private void offer(List<ChatEvent> events) {
        for (ChatEvent event : events) {
            if (event instanceof ChatEvent.Finished) {
                if (finished) {
                    continue;
                }
                finished = true;
            } else if (event instanceof ChatEvent.ImageGenerated image && !imagesSeen.add(image.url())) {
                continue;
            }
            pending.add(event);
        }
    }
}
