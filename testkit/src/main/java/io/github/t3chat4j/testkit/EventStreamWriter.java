package io.github.t3chat4j.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a reply body chunk by chunk, flushing after each write so that every call reaches the client
 * as its own network write. {@link #event(String)} frames one UI-message-stream event.
 */
public final class EventStreamWriter {

    private final OutputStream out;

    EventStreamWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes {@code data: <json>} and a blank line, then flushes. */
    public EventStreamWriter event(String json) throws IOException {
        return raw("data: " + json + "\n\n");
    }

    /** Writes {@code data: [DONE]}. */
    public EventStreamWriter done() throws IOException {
        return raw("data: [DONE]\n\n");
    }

    /** Writes text exactly as given (UTF-8) and flushes. */
    public EventStreamWriter raw(String text) throws IOException {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes exactly as given and flushes: use it to split a UTF-8 character across writes. */
    public EventStreamWriter bytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Flushes and waits, so the next write is a separate network write. */
    public EventStreamWriter pause(long millis) throws IOException, InterruptedException {
        out.flush();
        Thread.sleep(millis);
        return this;
    }
}
