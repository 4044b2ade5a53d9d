package io.github.t3chat4j.adapter.cli;

import java.io.IOException;
import java.util.Optional;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The size of the terminal on standard output, for {@code t3 ask}: {@code COLUMNS} and {@code LINES} when
 * set, else the size the run's host measured (the launcher measures it), else what the terminal says (asked
 * through JLine without touching its modes or signals), else 80×24.
 */
final class TerminalSize {

    static final MarkdownReplyRenderer.Screen DEFAULT = new MarkdownReplyRenderer.Screen(80, 24);

    private TerminalSize() {
    }

    static MarkdownReplyRenderer.Screen of(CliContext context) {
        Optional<Integer> columns = positive(context.terminalVariable("COLUMNS"));
        Optional<Integer> rows = positive(context.terminalVariable("LINES"));
        if (columns.isPresent() && rows.isPresent()) {
            return new MarkdownReplyRenderer.Screen(columns.get(), rows.get());
        }
        RunHost host = context.host();
        // A host that does not give the run its process (the warm process) has no terminal of the run's to ask.
        Size size = !context.stdoutIsTerminal() ? null
                : host.terminalColumns() > 0 && host.terminalRows() > 0
                ? new Size(host.terminalColumns(), host.terminalRows()) : host.ownsProcess() ? ask() : null;
        int width = columns.orElse(size != null && size.getColumns() > 0 ? size.getColumns() : DEFAULT.columns());
        int height = rows.orElse(size != null && size.getRows() > 0 ? size.getRows() : DEFAULT.rows());
        return new MarkdownReplyRenderer.Screen(width, height);
    }

    /** The size of the terminal, from a {@link Terminal} of the given JLine terminal (0×0 when unknown). */
    static MarkdownReplyRenderer.Screen of(Terminal terminal) {
        Size size = terminal.getSize();
        return new MarkdownReplyRenderer.Screen(size.getColumns() > 0 ? size.getColumns() : DEFAULT.columns(),
                size.getRows() > 0 ? size.getRows() : DEFAULT.rows());
    }

    private static Size ask() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).nativeSignals(false)
                .signalHandler(Terminal.SignalHandler.SIG_DFL).build()) {
            return terminal.getSize();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Optional<Integer> positive(Optional<String> value) {
        try {
            return value.map(v -> Integer.parseInt(v.strip())).filter(v -> v > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
