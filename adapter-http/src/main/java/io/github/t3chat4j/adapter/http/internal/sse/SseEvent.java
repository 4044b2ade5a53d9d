package io.github.t3chat4j.adapter.http.internal.sse;

import static java.util.Objects.requireNonNull;

/**
 * One dispatched server-sent event.
 *
 * @param type the {@code event:} field, {@code "message"} when the server gave none
 * @param data the {@code data:} lines joined with {@code "\n"}
 * @param id the last event id seen so far ({@code ""} when none)
 */
public record SseEvent(String type, String data, String id) {

    public SseEvent {
        requireNonNull(type, "type == null");
        requireNonNull(data, "data == null");
        requireNonNull(id, "id == null");
    }
}
