package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.domain.stream.ChatEvent;

/**
 * Shows one reply as its events arrive: {@link EventRenderer} prints the text as it comes,
 * {@link MarkdownReplyRenderer} renders it as Markdown on a terminal. Call {@link #render} in arrival
 * order on one thread, then {@link #finish} once (also after a failure or Ctrl-C).
 */
interface ReplyRenderer {

    /** Shows one event; writes and flushes before returning. */
    void render(ChatEvent event);

    /** Shows what is left and ends the output at the start of a line. */
    void finish();
}
