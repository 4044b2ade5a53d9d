package io.github.t3chat4j.adapter.cli.render;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;

/**
 * Shows Markdown on a terminal while it arrives. A top-level block is rendered once it is finished (a
 * paragraph at its blank line, a heading at its line end, a fenced code block line by line as each line
 * ends); the unfinished tail is printed plainly as it comes and erased when the block above it is rendered.
 * Only the plain tail is ever erased, never a rendered row, and never more rows than the screen has (a
 * tail taller than the screen stays plain). When every delta has been appended and {@link #finish()}
 * called, the output equals {@link MarkdownRenderer#render} of the whole text (but for a tail that was too
 * tall, and link reference definitions that come after their use). Not thread-safe: one reply, one thread.
 */
public final class MarkdownStream {

    private final PrintWriter out;
    private final MarkdownRenderer renderer;
    private final int width;
    private final PendingArea pending;
    private final StringBuilder source = new StringBuilder();
    /** Source before this offset belongs to finished blocks, printed. */
    private int committed;
    /** Source before this offset is on screen for good (rendered or, when too tall, plain). */
    private int shown;
    /** Rows of the block at {@link #committed} already printed (a fenced code block still open). */
    private int blockRowsShown;
    private boolean printedABlock;
    /** The block at {@link #committed} is being shown plainly because it was taller than the screen. */
    private boolean plainBlock;
    /** The fenced code block at {@link #committed} while it is open, with every line up to {@link #shown} laid out. */
    private CodeBlockLayout openFence;

    /**
     * @param columns the terminal's width
     * @param screenRows the terminal's height (the plain tail never grows taller)
     * @param layoutWidth the width rendered blocks are laid out for (at most {@code columns})
     */
    public MarkdownStream(PrintWriter out, MarkdownRenderer renderer, int columns, int screenRows, int layoutWidth) {
        this.out = requireNonNull(out, "out == null");
        this.renderer = requireNonNull(renderer, "renderer == null");
        this.width = Math.max(1, Math.min(columns, layoutWidth));
        this.pending = new PendingArea(out, columns, screenRows);
    }

    /** Adds a piece of the text and updates the screen; flushes. */
    public void append(String delta) {
        int start = 0;
        while (start < delta.length()) {
            int newline = delta.indexOf('\n', start);
            int end = newline < 0 ? delta.length() : newline + 1;
            int offset = source.length();
            source.append(delta, start, end);
            if (newline < 0 || !update(false)) {
                pending.print(delta.substring(start, end), offset);
            }
            noteGivenUpRows();
            start = end;
        }
        out.flush();
    }

    /** Renders whatever is left as finished and leaves the cursor at the start of a row; flushes. */
    public void finish() {
        update(true);
        if (source.substring(shown).isBlank()) {
            pending.erase();
        } else if (!pending.atRowStart()) {
            out.print('\n');
        }
        pending.keep();
        out.flush();
    }

    /** The text so far. */
    public String text() {
        return source.toString();
    }

    private void noteGivenUpRows() {
        if (pending.takeGaveUpRows()) {
            shown = Math.max(shown, pending.rowStart());
            plainBlock = true;
            openFence = null;
        }
    }

    /**
     * Prints the blocks that finished (all of them when {@code all}) and redraws the plain tail; returns
     * false when nothing changed (then the caller prints the new text plainly).
     */
    private boolean update(boolean all) {
        int end = all ? source.length() : source.lastIndexOf("\n") + 1;
        if (end <= committed) {
            return false;
        }
        if (!all && openFence != null && !plainBlock && end > shown && !mayCloseFence(source.substring(shown, end))) {
            return addCodeLines(end);
        }
        openFence = null;
        String text = source.substring(committed, end);
        Node document = renderer.parse(text);
        List<Node> blocks = new ArrayList<>();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            blocks.add(block);
        }
        int finished = all ? blocks.size() : Math.max(0, blocks.size() - 1);
        if (!all && !blocks.isEmpty() && closedByItself(blocks.get(blocks.size() - 1), text)) {
            finished++;
        }
        if (plainBlock) {
            return finished > 0 && keepPlainBlock(blockEnd(blocks.get(0), text), all);
        }
        List<Row> rows = new ArrayList<>();
        int finishedEnd = 0;
        for (int i = 0; i < finished; i++) {
            addRows(rows, renderer.block(blocks.get(i), width));
            blockRowsShown = 0;
            finishedEnd = blockEnd(blocks.get(i), text);
        }
        int newShown = committed + finishedEnd;
        if (finished < blocks.size() && blocks.get(finished) instanceof FencedCodeBlock open) {
            addRows(rows, renderer.openFence(open, width));
            newShown = end;
            openFence = open.getFenceIndent() == 0 ? laidOut(open) : null;
        }
        if (rows.isEmpty() && newShown == shown && finishedEnd == 0) {
            return false;
        }
        committed += finishedEnd;
        pending.erase();
        for (Row row : rows) {
            out.print(renderer.encode(row));
            out.print('\n');
        }
        shown = Math.max(committed, newShown);
        pending.print(source.substring(shown), shown);
        return true;
    }

    /**
     * The lines up to {@code end} continue the open fenced code block: lays out just those lines (no parse),
     * prints them in place of their plain rows, and redraws the tail.
     */
    private boolean addCodeLines(int end) {
        List<Row> rows = new ArrayList<>();
        String[] lines = source.substring(shown, end).split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            rows.addAll(openFence.line(lines[i]));
        }
        blockRowsShown += rows.size();
        pending.erase();
        for (Row row : rows) {
            out.print(renderer.encode(row));
            out.print('\n');
        }
        shown = end;
        pending.print(source.substring(shown), shown);
        return true;
    }

    /** A layout of {@code fence} that has taken every line so far, ready for the next. */
    private CodeBlockLayout laidOut(FencedCodeBlock fence) {
        CodeBlockLayout layout = new CodeBlockLayout(fence.getInfo(), width);
        String literal = fence.getLiteral();
        if (!literal.isEmpty()) {
            for (String line : literal.substring(0, literal.length() - 1).split("\n", -1)) {
                layout.line(line);
            }
        }
        return layout;
    }

    /**
     * Whether one of {@code lines} might close a fenced code block (it starts with a backtick or tilde after
     * its indentation): such a line goes to the parser, every other line is plainly more code.
     */
    private static boolean mayCloseFence(String lines) {
        for (String line : lines.split("\n")) {
            String stripped = line.stripLeading();
            if (stripped.startsWith("`") || stripped.startsWith("~")) {
                return true;
            }
        }
        return false;
    }

    /** Adds the rows of the block at {@link #committed} not printed yet, after a blank row if it is a new block. */
    private void addRows(List<Row> rows, List<Row> blockRows) {
        if (blockRows.isEmpty()) {
            return;
        }
        if (blockRowsShown == 0 && printedABlock) {
            rows.add(Row.EMPTY);
        }
        rows.addAll(blockRows.subList(Math.min(blockRowsShown, blockRows.size()), blockRows.size()));
        blockRowsShown = blockRows.size();
        printedABlock = true;
    }

    /** The block shown plainly has finished at {@code blockEnd}: its text stays plain, the next block renders. */
    private boolean keepPlainBlock(int blockEnd, boolean all) {
        int end = committed + blockEnd;
        pending.erase();
        if (end > shown) {
            pending.print(source.substring(shown, end), shown);
            if (!pending.atRowStart()) {
                out.print('\n');
            }
            pending.keep();
            pending.takeGaveUpRows();
        }
        committed = end;
        plainBlock = end < shown && !source.substring(end, shown).isBlank();
        shown = Math.max(shown, end);
        blockRowsShown = 0;
        printedABlock = true;
        if (!update(all)) {
            pending.print(source.substring(shown), shown);
        }
        return true;
    }

    /** Whether the last block can take no more lines: a heading, a rule, a closed fence, or a paragraph, quote or table before a blank line. */
    private static boolean closedByItself(Node block, String text) {
        if (block instanceof Heading || block instanceof ThematicBreak) {
            return true;
        }
        if (block instanceof FencedCodeBlock fence) {
            return fence.getClosingFenceLength() != null;
        }
        if (block instanceof Paragraph || block instanceof BlockQuote || block instanceof TableBlock) {
            int after = blockEnd(block, text);
            int lineEnd = text.indexOf('\n', after);
            return lineEnd >= 0 && text.substring(after, lineEnd).isBlank();
        }
        return false;
    }

    /** The offset in {@code text} just after the line on which {@code block} ends. */
    private static int blockEnd(Node block, String text) {
        List<SourceSpan> spans = block.getSourceSpans();
        if (spans.isEmpty()) {
            return text.length();
        }
        SourceSpan last = spans.get(spans.size() - 1);
        int lineEnd = text.indexOf('\n', last.getInputIndex() + last.getLength());
        return lineEnd < 0 ? text.length() : lineEnd + 1;
    }
}
