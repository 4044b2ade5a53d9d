package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.ReplyStream;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.util.Iterator;

/**
 * Shows one reply as its events arrive: {@link EventRenderer} prints the text as it comes,
 * {@link MarkdownReplyRenderer} renders it as Markdown on a terminal. Call {@link #render(ChatEvent)} in
 * arrival order on one thread (or let {@link #render(ReplyStream, Runnable)} pull the reply), then
 * {@link #finish} once (also after a failure or Ctrl-C).
 */
interface ReplyRenderer {

    /** Shows one event; what it writes may wait in a buffer until {@link #flush()}. */
    void render(ChatEvent event);

    /** Writes out what waits in a buffer. */
    default void flush() {
    }

    /**
     * Pulls {@code reply} to its end and renders each event, running {@code beforeEach} first (stopping a
     * spinner, say). The output policy of the command line lives here: what is rendered stays in a buffer
     * while the next event has already arrived, and is flushed just before a pull would wait for the
     * network, so a fast reply of thousands of deltas costs a few writes and a lone delta shows at once.
     *
     * @throws io.github.t3chat4j.application.error.T3ChatException what the send failed with
     */
    default void render(ReplyStream reply, Runnable beforeEach) {
        requireNonNull(beforeEach, "beforeEach == null");
        Iterator<ChatEvent> events = reply.iterator();
        while (true) {
            if (!reply.ready()) {
                flush();
            }
            if (!events.hasNext()) {
                return;
            }
            beforeEach.run();
            render(events.next());
        }
    }

    /** Shows what is left and ends the output at the start of a line. */
    void finish();
}
