package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.cli.render.Capabilities;
import io.github.t3chat4j.adapter.cli.render.MarkdownRenderer;
import io.github.t3chat4j.adapter.cli.render.MarkdownStream;
import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.PrintWriter;

/**
 * Renders a reply's text as Markdown while it streams (through a {@link MarkdownStream}), and its reasoning,
 * when shown, the same way but dimmed and before the answer. Used when standard output is a terminal.
 */
final class MarkdownReplyRenderer implements ReplyRenderer {

    /** The terminal's size in columns and rows. */
    record Screen(int columns, int rows) {
        /** Rendered blocks are laid out at most this wide, so that prose stays readable on a wide screen. */
        static final int MAX_LAYOUT = 100;
    }

    private final PrintWriter out;
    private final PrintWriter reasoningOut;
    private final Capabilities capabilities;
    private final Screen screen;
    private final boolean renderReasoning;
    private MarkdownStream text;
    private MarkdownStream reasoning;
    private boolean plainReasoning;
    private boolean reasoningDone;

    /**
     * @param reasoningOut where reasoning goes, or null to drop it
     * @param renderReasoning whether reasoning is rendered (dimmed) too; when not, it is printed as it comes
     *     (for a {@code reasoningOut} that is not a terminal)
     */
    MarkdownReplyRenderer(PrintWriter out, PrintWriter reasoningOut, boolean renderReasoning,
            Capabilities capabilities, Screen screen) {
        this.out = requireNonNull(out, "out == null");
        this.reasoningOut = reasoningOut;
        this.renderReasoning = renderReasoning;
        this.capabilities = requireNonNull(capabilities, "capabilities == null");
        this.screen = requireNonNull(screen, "screen == null");
    }

    @Override
    public void render(ChatEvent event) {
        if (event instanceof ChatEvent.TextDelta delta) {
            endReasoning();
            if (!delta.text().isEmpty()) {
                if (text == null) {
                    text = stream(out, false);
                }
                text.append(delta.text());
            }
        } else if (event instanceof ChatEvent.ReasoningDelta delta) {
            if (reasoningOut != null && !reasoningDone && !delta.text().isEmpty()) {
                if (!renderReasoning) {
                    reasoningOut.print(TerminalSafe.text(delta.text()));
                    reasoningOut.flush();
                    plainReasoning = true;
                } else {
                    if (reasoning == null) {
                        reasoning = stream(reasoningOut, true);
                    }
                    reasoning.append(delta.text());
                }
            }
        } else if (event instanceof ChatEvent.ImageGenerated
                || event instanceof ChatEvent.Finished
                || event instanceof ChatEvent.Aborted
                || event instanceof ChatEvent.StreamError) {
            // Images are reported once saved; endings and errors by the command, after the stream.
            endReasoning();
        }
    }

    @Override
    public void finish() {
        endReasoning();
        if (text != null) {
            text.finish();
        }
        out.flush();
    }

    private MarkdownStream stream(PrintWriter writer, boolean dimmed) {
        return new MarkdownStream(writer, new MarkdownRenderer(capabilities, dimmed), screen.columns(), screen.rows(),
                Math.min(screen.columns(), Screen.MAX_LAYOUT));
    }

    private void endReasoning() {
        if (plainReasoning && !reasoningDone) {
            reasoningOut.println();
            reasoningOut.flush();
        }
        if (reasoning != null && !reasoningDone) {
            reasoning.finish();
            if (reasoningOut == out) {
                out.println();
                out.flush();
            }
        }
        reasoningDone = true;
    }
}
