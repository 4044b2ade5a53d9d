package io.github.t3chat4j.adapter.http.internal.chat;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.internal.datastream.DataStreamParser;
import io.github.t3chat4j.adapter.http.internal.datastream.DataStreamPart;
import io.github.t3chat4j.adapter.http.internal.sse.LineReader;
import io.github.t3chat4j.adapter.http.internal.sse.SseEvent;
import io.github.t3chat4j.adapter.http.internal.sse.SseParser;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.Set;

/**
 * Decodes a reply body into {@link ChatEvent}s lazily: each {@link #hasNext()} reads only as far as the
 * next event. Applies the stream-wide rules: {@code [DONE]} ends the stream (with a Finished when none
 * came before), only the first finish counts, an image URL is reported once. A read failure surfaces
 * as {@link UncheckedIOException}. One decoder per body; not thread-safe.
 */
final class ChatEventDecoder implements Iterator<ChatEvent> {

    private static final String DONE = "[DONE]";

    private final LineReader lines;
    private final ChatEventMapper mapper;
    private final Queue<ChatEvent> pending = new ArrayDeque<>();
    private final Set<String> imagesSeen = new HashSet<>();
    private StreamFormat format;
    private SseParser sse;
    private DataStreamParser dataStream;
    private boolean finished;
    private boolean ended;

    ChatEventDecoder(Reader body, StreamFormat format, ChatEventMapper mapper) {
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
        String line;
        do {
            line = lines.readLine();
        } while (line != null && line.isBlank());
        if (line == null) {
            ended = true;
            return;
        }
        lines.pushBack(line);
        format = StreamFormat.fromFirstLine(line);
    }

    private void pullUiMessage() throws IOException {
        if (sse == null) {
            sse = new SseParser(lines);
        }
        SseEvent event = sse.next();
        if (event == null) {
            ended = true;
            return;
        }
        if (event.data().strip().equals(DONE)) {
            if (!finished) {
                offer(List.of(new ChatEvent.Finished("")));
            }
            ended = true;
            return;
        }
        offer(mapper.fromUiMessage(event.data()));
    }

    private void pullDataStream() throws IOException {
        if (dataStream == null) {
            dataStream = new DataStreamParser(lines);
        }
        DataStreamPart part = dataStream.next();
        if (part == null) {
            ended = true;
            return;
        }
        offer(mapper.fromDataStream(part));
    }

    /** True once a finish was decoded: what is left of the body is its tail ({@code [DONE]}, framing). */
    boolean finished() {
        return finished;
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
