package io.github.t3chat4j.adapter.cli.render;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.parser.Parser;

/**
 * What {@code /copy} needs: the OSC 52 sequence that asks the terminal to put text on the system clipboard,
 * and the last code block of a Markdown text.
 */
public final class Clipboard {

    private Clipboard() {
    }

    /** The OSC 52 sequence that sets the clipboard to {@code text} (UTF-8, base64, ended by BEL). */
    public static String osc52(String text) {
        return "\u001b]52;c;" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\u0007";
    }

    /** The content of the last fenced or indented code block in {@code markdown}, without its final newline. */
    public static Optional<String> lastCodeBlock(String markdown) {
        String[] last = {null};
        Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                last[0] = block.getLiteral();
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                last[0] = block.getLiteral();
            }
        });
        return Optional.ofNullable(last[0]).map(code -> code.endsWith("\n") ? code.substring(0, code.length() - 1) : code);
    }
}
