package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.stream.ChatEvent;
import java.util.stream.Stream;

/**
 * An open reply stream. {@link #events()} yields events as their bytes arrive (never after buffering
 * the whole body) and may be consumed once. A broken connection surfaces as a
 * {@link io.github.t3chat4j.application.error.TransportException} thrown from the stream. The caller
 * closes it; closing early (from any thread) cancels the HTTP exchange.
 */
public interface ChatStream extends AutoCloseable {

    Stream<ChatEvent> events();

    // Overridden from AutoCloseable to not have a checked exception in its signature.
    @Override
    void close();
}
