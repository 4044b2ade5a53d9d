package io.github.t3chat4j.adapter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HighlighterTest {

    /** The line with each coloured token marked as {@code [KIND:text]}. */
    private static String marked(Highlighter highlighter, String line) {
        return highlighter.line(line).stream().map(span -> {
            String kind = span.style().equals(Highlighter.KEYWORD) ? "K"
                    : span.style().equals(Highlighter.STRING) ? "S"
                    : span.style().equals(Highlighter.COMMENT) ? "C"
                    : span.style().equals(Highlighter.NUMBER) ? "N"
                    : span.style().equals(Highlighter.CONSTANT) ? "V"
                    : span.style().equals(Highlighter.KEY) ? "P"
                    : span.style().equals(Highlighter.VARIABLE) ? "$" : null;
            return kind == null ? span.text() : "[" + kind + ":" + span.text() + "]";
        }).collect(Collectors.joining());
    }

    private static Highlighter of(String language) {
        return Highlighter.forLanguage(language).orElseThrow();
    }

    @Test
    void coloursJavaKeywordsStringsNumbersAndComments() {
        assertThat(marked(of("java"), "public int x = 42; String s = \"a \\\" b\"; // note"))
                .isEqualTo("[K:public] [K:int] x = [N:42]; String s = [S:\"a \\\" b\"]; [C:// note]");
    }

    @Test
    void carriesABlockCommentOverLines() {
        Highlighter java = of("java");

        assertThat(marked(java, "int a; /* start")).isEqualTo("[K:int] a; [C:/* start]");
        assertThat(marked(java, "still comment */ return")).isEqualTo("[C:still comment */] [K:return]");
    }

    @Test
    void carriesPythonTripleQuotedStringsOverLines() {
        Highlighter python = of("py");

        assertThat(marked(python, "def f(): \"\"\"doc")).isEqualTo("[K:def] f(): [S:\"\"\"doc]");
        assertThat(marked(python, "more\"\"\" # done")).isEqualTo("[S:more\"\"\"] [C:# done]");
        assertThat(marked(python, "x = None")).isEqualTo("x = [V:None]");
    }

    @Test
    void colorsShellVariablesAndCommentsOnlyAtAWordStart() {
        Highlighter shell = of("bash");

        assertThat(marked(shell, "echo \"$HOME\" ${X} # c")).isEqualTo("[K:echo] [S:\"$HOME\"] [$:${X}] [C:# c]");
        assertThat(marked(shell, "curl http://x/#anchor")).isEqualTo("curl http://x/#anchor");
    }

    @Test
    void marksJsonKeysApartFromStringValues() {
        assertThat(marked(of("json"), "{\"a\": \"b\", \"n\": 1.5, \"t\": true}"))
                .isEqualTo("{[P:\"a\"]: [S:\"b\"], [P:\"n\"]: [N:1.5], [P:\"t\"]: [V:true]}");
    }

    @Test
    void readsSqlKeywordsInAnyCase() {
        assertThat(marked(of("sql"), "Select * FROM t where a = 'x' -- why"))
                .isEqualTo("[K:Select] * [K:FROM] t [K:where] a = [S:'x'] [C:-- why]");
    }

    @Test
    void knowsGoRawStringsRustAndTypeScript() {
        Highlighter go = of("go");
        assertThat(marked(go, "s := `raw")).isEqualTo("s := [S:`raw]");
        assertThat(marked(go, "end` + 1")).isEqualTo("[S:end`] + [N:1]");
        assertThat(marked(of("rust"), "let mut v = 3;")).isEqualTo("[K:let] [K:mut] v = [N:3];");
        assertThat(marked(of("ts"), "const x: number = null;")).isEqualTo("[K:const] x: [K:number] = [V:null];");
    }

    @Test
    void knowsNoLanguage_forAnUnknownOrMissingLabel() {
        assertThat(Highlighter.forLanguage("brainfuck")).isEmpty();
        assertThat(Highlighter.forLanguage("")).isEmpty();
        assertThat(Highlighter.forLanguage(null)).isEmpty();
        assertThat(Highlighter.forLanguage("Python {linenos}")).isPresent();
    }

    @Test
    void keepsEveryCharacterOfTheLine() {
        String line = "for (int i = 0; i < 10; i++) { s += \"x\"; } /* c */ 'y'";

        List<Span> spans = of("js").line(line);

        assertThat(spans.stream().map(Span::text).collect(Collectors.joining())).isEqualTo(line);
    }
}
