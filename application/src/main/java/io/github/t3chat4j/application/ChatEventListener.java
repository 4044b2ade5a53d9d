package io.github.t3chat4j.application;

import io.github.t3chat4j.domain.stream.ChatEvent;

/**
 * Hears the events of one reply as they arrive: in order, on the thread that sends, and never after the
 * send has returned or thrown. The listener call style ({@link Chat#send(String, ChatEventListener)})
 * is a loop over a {@link ReplyStream} that calls it; a listener that throws stops the reply (it is kept,
 * marked cancelled) and its exception comes out of the send.
 */
@FunctionalInterface
public interface ChatEventListener {

    /** A listener that ignores every event. */
    ChatEventListener NONE = event -> { };

    /**
     * One event of the reply.
     *
     * @param event the event, in arrival order
     */
    void onEvent(ChatEvent event);
}
