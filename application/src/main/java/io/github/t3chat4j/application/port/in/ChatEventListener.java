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

    /**
     * Called when the listener has caught up with the reply: every event that arrived so far has been
     * delivered and the reply has been waiting for more for about a millisecond. The moment to flush
     * output buffered since the last call, so that a fast reply costs a few writes and a lone event
     * still shows at once. It may come from another thread than {@link #onEvent}, but never at the same
     * time as it, at most once per wait, and never after the send has returned or thrown. Does nothing
     * by default (a listener that does not override it is not watched at all).
     */
    default void onCaughtUp() {
    }
}
