package io.github.t3chat4j.adapter.cli.render;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Lays Markdown out for a terminal of a given width: headings, emphasis, inline code, fenced code
 * (framed, labelled, coloured), lists, block quotes, rules, links (OSC 8 or the URL shown) and tables
 * aligned to their columns. commonmark-java (with its GFM table extension) parses; every row this class
 * produces fits the width. A whole document is its top-level blocks, one blank row apart.
 */
public final class MarkdownRenderer {

    private static final String[] BULLETS = {"•", "◦", "▪"};
    private static final Style FRAME = Style.PLAIN.withColour(Style.GREY);
    private static final Style MARKER = Style.PLAIN.withColour(Style.CYAN);
    private static final Style CODE = Style.PLAIN.withColour(Style.CYAN);
    private static final Style LINK = Style.PLAIN.withColour(Style.BLUE).asUnderlined();
    private static final Style[] HEADINGS = {
        Style.PLAIN.withColour(Style.MAGENTA).asBold().asUnderlined(), Style.PLAIN.withColour(Style.MAGENTA).asBold(),
        Style.PLAIN.withColour(Style.BLUE).asBold(), Style.PLAIN.asBold()};

    private final Capabilities capabilities;
    private final boolean dimmed;
    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private int listDepth;

    /**
     * @param dimmed whether every row is dimmed (for the model's reasoning)
     */
    public MarkdownRenderer(Capabilities capabilities, boolean dimmed) {
        this.capabilities = requireNonNull(capabilities, "capabilities == null");
        this.dimmed = dimmed;
    }

    /** The whole of {@code markdown} as terminal lines (without line endings) of at most {@code width} columns. */
    public List<String> render(String markdown, int width) {
        List<String> lines = new ArrayList<>();
        for (Row row : rows(parse(markdown), width)) {
            lines.add(encode(row));
        }
        return lines;
    }

    Capabilities capabilities() {
        return capabilities;
    }

    Node parse(String markdown) {
        return parser.parse(markdown);
    }

    /** The rows of a document: its top-level blocks, one blank row apart. */
    List<Row> rows(Node document, int width) {
        return stack(document, width, true);
    }

    /** One terminal line for {@code row}: styles and hyperlinks as the capabilities allow. */
    String encode(Row row) {
        if (!dimmed) {
            return Ansi.encode(row, capabilities);
        }
        List<Span> dim = new ArrayList<>(row.spans().size());
        for (Span span : row.spans()) {
            dim.add(new Span(span.text(), span.style().asDim()));
        }
        return Ansi.encode(new Row(dim), capabilities);
    }

    /** The rows of one block (none for a link reference definition). */
    List<Row> block(Node node, int width) {
        if (node instanceof Paragraph) {
            return Wrapper.wrap(inlines(node, Style.PLAIN), width);
        } else if (node instanceof Heading heading) {
            return heading(heading, width);
        } else if (node instanceof FencedCodeBlock fence) {
            return CodeBlockLayout.rows(fence.getInfo(), fence.getLiteral(), width, true);
        } else if (node instanceof IndentedCodeBlock indented) {
            return CodeBlockLayout.rows("", indented.getLiteral(), width, true);
        } else if (node instanceof BlockQuote) {
            return prefixed(stack(node, width - 2, true), Row.of(new Span("│ ", FRAME)), Row.of(new Span("│ ", FRAME)));
        } else if (node instanceof ListBlock list) {
            return list(list, width);
        } else if (node instanceof ThematicBreak) {
            return List.of(Row.of(new Span("─".repeat(Math.max(1, width)), FRAME)));
        } else if (node instanceof TableBlock table) {
            return new TableLayout(this).rows(table, width);
        } else if (node instanceof HtmlBlock html) {
            return Wrapper.cut(List.of(new Span(TerminalSafe.laidOut(stripEnd(html.getLiteral())), FRAME)), width);
        } else if (node instanceof LinkReferenceDefinition) {
            return List.of();
        }
        return stack(node, width, true);
    }

    /** The rows of a fenced code block that is still open: its frame's top and the lines so far. */
    List<Row> openFence(FencedCodeBlock fence, int width) {
        return CodeBlockLayout.rows(fence.getInfo(), fence.getLiteral(), width, false);
    }

    private List<Row> heading(Heading heading, int width) {
        Style style = HEADINGS[Math.min(heading.getLevel(), HEADINGS.length) - 1];
        String marker = "#".repeat(heading.getLevel()) + " ";
        List<Row> rows = Wrapper.wrap(inlines(heading, style), width - marker.length());
        return prefixed(rows, Row.of(new Span(marker, FRAME)), Row.of(new Span(" ".repeat(marker.length()), Style.PLAIN)));
    }

    private List<Row> list(ListBlock list, int width) {
        List<String> markers = new ArrayList<>();
        OrderedList ordered = list instanceof OrderedList o ? o : null;
        int number = ordered == null || ordered.getMarkerStartNumber() == null ? 1 : ordered.getMarkerStartNumber();
        String delimiter = ordered == null || ordered.getMarkerDelimiter() == null ? "." : ordered.getMarkerDelimiter();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            markers.add(ordered != null ? (number++) + delimiter : BULLETS[listDepth % BULLETS.length]);
        }
        int markerWidth = 0;
        for (String marker : markers) {
            markerWidth = Math.max(markerWidth, DisplayWidth.of(marker) + 1);
        }
        List<Row> rows = new ArrayList<>();
        listDepth++;
        try {
            int index = 0;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (index > 0 && !list.isTight()) {
                    rows.add(Row.EMPTY);
                }
                String marker = markers.get(index++);
                String padded = " ".repeat(markerWidth - 1 - DisplayWidth.of(marker)) + marker + " ";
                List<Row> content = item instanceof ListItem ? stack(item, width - markerWidth, !list.isTight())
                        : block(item, width - markerWidth);
                if (content.isEmpty()) {
                    content = List.of(Row.EMPTY);
                }
                rows.addAll(prefixed(content, Row.of(new Span(padded, MARKER)),
                        Row.of(new Span(" ".repeat(markerWidth), Style.PLAIN))));
            }
        } finally {
            listDepth--;
        }
        return rows;
    }

    /** The children of {@code parent} one after another, a blank row apart when {@code separated}. */
    private List<Row> stack(Node parent, int width, boolean separated) {
        List<Row> rows = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            List<Row> part = block(child, width);
            if (part.isEmpty()) {
                continue;
            }
            if (separated && !rows.isEmpty()) {
                rows.add(Row.EMPTY);
            }
            rows.addAll(part);
        }
        return rows;
    }

    /** {@code rows} with {@code first} before the first row and {@code rest} before the others. */
    private static List<Row> prefixed(List<Row> rows, Row first, Row rest) {
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row prefix = i == 0 ? first : rest;
            List<Span> spans = new ArrayList<>(prefix.spans());
            spans.addAll(rows.get(i).spans());
            out.add(trimBlankEnd(new Row(spans)));
        }
        return out;
    }

    private static Row trimBlankEnd(Row row) {
        List<Span> spans = new ArrayList<>(row.spans());
        while (!spans.isEmpty()) {
            Span last = spans.get(spans.size() - 1);
            String stripped = stripEnd(last.text());
            if (stripped.length() == last.text().length()) {
                break;
            }
            spans.remove(spans.size() - 1);
            if (!stripped.isEmpty()) {
                spans.add(new Span(stripped, last.style()));
                break;
            }
        }
        return new Row(spans);
    }

    /** The inline content of {@code parent} as spans; hard breaks are {@code '\n'}. */
    List<Span> inlines(Node parent, Style base) {
        List<Span> spans = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(node, base, spans);
        }
        return spans;
    }

    private void inline(Node node, Style style, List<Span> spans) {
        if (node instanceof Text text) {
            spans.add(new Span(TerminalSafe.laidOut(text.getLiteral()).replace('\n', ' '), style));
        } else if (node instanceof Code code) {
            String literal = TerminalSafe.laidOut(code.getLiteral());
            spans.add(capabilities.colour() ? new Span(literal, merge(style, CODE)) : new Span("`" + literal + "`", style));
        } else if (node instanceof Emphasis) {
            spans.addAll(inlines(node, style.asItalic()));
        } else if (node instanceof StrongEmphasis) {
            spans.addAll(inlines(node, style.asBold()));
        } else if (node instanceof Link link) {
            link(link.getDestination(), inlines(node, linkStyle(style, link.getDestination())), spans, style);
        } else if (node instanceof Image image) {
            List<Span> alt = new ArrayList<>();
            alt.add(new Span("[image: ", linkStyle(style, image.getDestination())));
            alt.addAll(inlines(node, linkStyle(style, image.getDestination())));
            alt.add(new Span("]", linkStyle(style, image.getDestination())));
            link(image.getDestination(), alt, spans, style);
        } else if (node instanceof SoftLineBreak) {
            spans.add(new Span(" ", style));
        } else if (node instanceof HardLineBreak) {
            spans.add(new Span("\n", style));
        } else if (node instanceof HtmlInline html) {
            spans.add(new Span(TerminalSafe.laidOut(html.getLiteral()), merge(style, FRAME)));
        } else {
            spans.addAll(inlines(node, style));
        }
    }

    private Style linkStyle(Style style, String destination) {
        Style linked = merge(style, LINK).asUnderlined();
        return hyperlinks() ? linked.withLink(destination) : linked;
    }

    /** The link text, followed by the URL in brackets unless the terminal links it or the text is the URL. */
    private void link(String destination, List<Span> text, List<Span> spans, Style style) {
        spans.addAll(text);
        String shown = TerminalSafe.laidOut(destination == null ? "" : destination);
        StringBuilder plain = new StringBuilder();
        for (Span span : text) {
            plain.append(span.text());
        }
        String label = plain.toString();
        if (!hyperlinks() && !shown.isEmpty() && !label.equals(shown) && !("mailto:" + label).equals(shown)) {
            spans.add(new Span(" (" + shown + ")", merge(style, FRAME)));
        }
    }

    private boolean hyperlinks() {
        return capabilities.hyperlinks() && capabilities.colour();
    }

    /** {@code base} with the colour and attributes of {@code extra} added. */
    static Style merge(Style base, Style extra) {
        return new Style(extra.colour() != Style.NO_COLOUR ? extra.colour() : base.colour(),
                base.bold() || extra.bold(), base.italic() || extra.italic(),
                base.underline() || extra.underline(), base.dim() || extra.dim(),
                extra.link() != null ? extra.link() : base.link());
    }

    private static String stripEnd(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
