package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.ChatEventListener;
import io.github.t3chat4j.domain.stream.ChatEvent;

/**
 * Shows one reply as its events arrive: {@link EventRenderer} prints the text as it comes,
 * {@link MarkdownReplyRenderer} renders it as Markdown on a terminal. Call {@link #render} in arrival
 * order on one thread, then {@link #finish} once (also after a failure or Ctrl-C).
 */
interface ReplyRenderer {

    /** Shows one event; what it writes may wait in a buffer until {@link #flush()}. */
    void render(ChatEvent event);

    /** Writes out what waits in a buffer: the reply has caught up with the network. */
    default void flush() {
    }

    /**
     * The listener to send with: runs {@code beforeEach} (stopping a spinner, say), renders each event,
     * and flushes whenever the reply has caught up.
     */
    default ChatEventListener listener(Runnable beforeEach) {
        requireNonNull(beforeEach, "beforeEach == null");
        return new ChatEventListener() {
            @Override
            public void onEvent(ChatEvent event) {
                beforeEach.run();
                render(event);
            }

            @Override
            public void onCaughtUp() {
                flush();
            }
        };
    }

    /** Shows what is left and ends the output at the start of a line. */
    void finish();
}
