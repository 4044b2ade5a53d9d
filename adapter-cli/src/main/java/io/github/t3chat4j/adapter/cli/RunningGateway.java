package io.github.t3chat4j.adapter.cli;

import java.net.URI;

/**
 * A gateway the services started for {@code t3 serve}: where clients reach it, a wait until it stops, and
 * a stop that lets replies in flight end cleanly and releases the connection to t3.chat.
 */
public interface RunningGateway extends AutoCloseable {

    /** The base URL to give OpenAI clients, such as {@code http://127.0.0.1:8787/v1}. */
    URI baseUrl();

    /** Blocks until {@link #close()} has stopped the gateway. */
    void awaitStopped() throws InterruptedException;

    /** Stops the gateway (in-flight replies end cleanly) and closes the connection to t3.chat. */
    @Override
    void close();
}
