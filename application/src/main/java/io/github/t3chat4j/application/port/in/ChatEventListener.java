package io.github.t3chat4j.application.port.in;

import io.github.t3chat4j.domain.stream.ChatEvent;

/**
 * Receives the events of one reply as they arrive: in order, on the thread that called send, and
 * never after the send has returned or thrown.
 */
@FunctionalInterface
public interface ChatEventListener {

    /** A listener that ignores every event. */
    ChatEventListener NONE = event -> { };

    void onEvent(ChatEvent event);
}
