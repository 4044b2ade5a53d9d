package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.stream.ChatEvent;
import java.util.List;
import java.util.stream.Stream;

/**
 * An open reply stream, as a {@link ChatTransport} returns it. {@link #events()} yields events as their
 * bytes arrive (never after buffering the whole body) and may be consumed once. A broken connection
 * surfaces as a {@link io.github.t3chat4j.application.error.TransportException} thrown from the stream.
 * The caller closes it; closing early (from any thread) cancels the exchange.
 */
public interface ChatStream extends AutoCloseable {

    /**
     * A stream that yields {@code events} in order, for tests and transports of one's own:
     * {@code request -> ChatStream.of(new ChatEvent.TextDelta("Hi"), new ChatEvent.Finished("stop"))}. Every
     * event is at hand at once, so it is always {@link #ready()}.
     *
     * @param events the events, in order
     * @return a stream over them
     */
    static ChatStream of(ChatEvent... events) {
        List<ChatEvent> copy = List.of(requireNonNull(events, "events == null"));
        Stream<ChatEvent> stream = copy.stream();
        return new ChatStream() {
            @Override
            public Stream<ChatEvent> events() {
                return stream;
            }

            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }

    /**
     * A stream over {@code events}; closing it closes {@code events}. Never {@link #ready()}: whoever pulls
     * from it assumes each next event may keep it waiting.
     *
     * @param events the events, in order, produced as they arrive
     * @return a stream over them
     */
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

    /**
     * The reply's events, in order, as they arrive; consumed once.
     *
     * @return the events
     */
    Stream<ChatEvent> events();

    /**
     * Whether the next event (or the end of the stream) can be had without waiting for the network: the
     * bytes of a whole event have arrived and wait in a buffer. A reader that holds output in a buffer
     * flushes it when this says false, just before it would wait. A transport that cannot tell says false
     * (the default), which is always safe.
     *
     * @return true when the next pull will not wait
     */
    default boolean ready() {
        return false;
    }

    // Overridden from AutoCloseable to not have a checked exception in its signature.
    /** Closes the stream; closing it before its end cancels the exchange. Safe from any thread, and more than once. */
    @Override
    void close();
}
