package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.PrintWriter;

/**
 * Writes a reply to the terminal as its events arrive: answer text to standard output; reasoning (when
 * asked for) to standard error, dimmed on a colour terminal, apart from the answer. Every
 * {@link ChatEvent} type is handled here, in one place.
 *
 * <p>Output is buffered, never written per delta: it is flushed when the next event has not arrived yet
 * ({@link #flush()}, called by {@link ReplyRenderer#render(io.github.t3chat4j.application.ReplyStream, Runnable)}),
 * when the text moves between standard
 * output and standard error (so a terminal shows them in order), and at the end ({@link #finish()}). A
 * fast reply of thousands of deltas costs a handful of writes; a lone delta still shows at once.
 */
public final class EventRenderer implements ReplyRenderer {

    /** A writer that drops everything, for when the answer is printed some other way (as JSON, say). */
    public static final PrintWriter NOWHERE = new PrintWriter(java.io.Writer.nullWriter());

    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final PrintWriter reasoningOut;
    private final boolean colour;
    private final boolean raw;
    private boolean textEndsWithNewline = true;
    private boolean wroteText;
    private boolean inReasoning;

    /**
     * @param reasoningOut where reasoning goes, or null to drop it
     * @param colour whether ANSI styling may be used on {@code reasoningOut}
     */
    public EventRenderer(PrintWriter out, PrintWriter reasoningOut, boolean colour) {
        this(out, reasoningOut, colour, false);
    }

    /**
     * @param raw whether reply text goes out exactly as it came, control characters included (for a pipe
     *     that wants them); else they are made visible, so a reply cannot drive the terminal
     */
    public EventRenderer(PrintWriter out, PrintWriter reasoningOut, boolean colour, boolean raw) {
        this.out = requireNonNull(out, "out == null");
        this.reasoningOut = reasoningOut;
        this.colour = colour;
        this.raw = raw;
    }

    /** Renders one event; call in arrival order. */
    @Override
    public void render(ChatEvent event) {
        if (event instanceof ChatEvent.TextDelta delta) {
            endReasoning();
            if (!delta.text().isEmpty()) {
                out.print(raw ? delta.text() : TerminalSafe.text(delta.text()));
                wroteText = true;
                textEndsWithNewline = delta.text().endsWith("\n");
            }
        } else if (event instanceof ChatEvent.ReasoningDelta delta) {
            if (reasoningOut != null && !delta.text().isEmpty()) {
                if (!inReasoning) {
                    // The answer so far goes out before the reasoning that follows it.
                    out.flush();
                    if (colour) {
                        reasoningOut.print(DIM);
                    }
                }
                inReasoning = true;
                reasoningOut.print(raw ? delta.text() : TerminalSafe.text(delta.text()));
            }
        } else if (event instanceof ChatEvent.ImageGenerated
                || event instanceof ChatEvent.Finished
                || event instanceof ChatEvent.Aborted
                || event instanceof ChatEvent.StreamError) {
            // Images are reported once saved; endings and errors by the command, after the stream.
            endReasoning();
        }
    }

    /** Writes out what is buffered: the next event has not arrived yet, or the terminal needs it. */
    @Override
    public void flush() {
        if (reasoningOut != null) {
            reasoningOut.flush();
        }
        out.flush();
    }

    /** Ends the output with a newline if the text did not, closes any styling, and flushes. */
    @Override
    public void finish() {
        endReasoning();
        if (wroteText && !textEndsWithNewline) {
            out.println();
        }
        out.flush();
    }

    /** True once any answer text was written. */
    public boolean wroteText() {
        return wroteText;
    }

    private void endReasoning() {
        if (inReasoning && reasoningOut != null) {
            if (colour) {
                reasoningOut.print(RESET);
            }
            reasoningOut.println();
            reasoningOut.flush();
        }
        inReasoning = false;
    }
}
