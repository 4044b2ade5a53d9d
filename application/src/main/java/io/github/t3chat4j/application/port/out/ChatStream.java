package io.github.t3chat4j.application.port.out;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.stream.ChatEvent;
import java.util.List;
import java.util.stream.Stream;

/**
 * An open reply stream. {@link #events()} yields events as their bytes arrive (never after buffering
 * the whole body) and may be consumed once. A broken connection surfaces as a
 * {@link io.github.t3chat4j.application.error.TransportException} thrown from the stream. The caller
 * closes it; closing early (from any thread) cancels the HTTP exchange.
 */
public interface ChatStream extends AutoCloseable {

    /**
     * A stream that yields {@code events} in order, for tests and custom transports:
     * {@code request -> ChatStream.of(new ChatEvent.TextDelta("Hi"), ChatEvent.Finished.stop())}.
     */
    static ChatStream of(ChatEvent... events) {
        List<ChatEvent> copy = List.of(requireNonNull(events, "events == null"));
        return of(copy.stream());
    }

    /** A stream over {@code events}; closing it closes {@code events}. */
    static ChatStream of(Stream<ChatEvent> events) {
        requireNonNull(events, "events == null");
        return new ChatStream() {
            @Override
            public Stream<ChatEvent> events() {
                return events;
            }

            @Override
            public void close() {
                events.close();
            }
        };
    }

    Stream<ChatEvent> events();

    // Overridden from AutoCloseable to not have a checked exception in its signature.
    @Override
    void close();
}
