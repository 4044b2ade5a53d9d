package io.github.t3chat4j.adapter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streams each sample delta by delta (every 1, 3 and 7 code points, and random cuts with fixed seeds) onto
 * a {@link ScreenModel}, and compares the final screen, styles included, with the screen after printing the
 * rendering of the whole text.
 */
class MarkdownStreamTest {

    private static final int COLUMNS = MarkdownRendererGoldenTest.WIDTH;
    private static final Capabilities COLOUR = new Capabilities(true, true, false);

    private record Output(String text, ScreenModel screen) {
    }

    private static Output stream(String markdown, List<String> deltas, int columns, int rows, Capabilities caps) {
        StringWriter written = new StringWriter();
        PrintWriter out = new PrintWriter(written);
        MarkdownStream stream = new MarkdownStream(out, new MarkdownRenderer(caps, false), columns, rows, columns);
        ScreenModel screen = new ScreenModel(columns, rows);
        int applied = 0;
        for (String delta : deltas) {
            stream.append(delta);
            String all = written.toString();
            screen.apply(all.substring(applied));
            applied = all.length();
        }
        stream.finish();
        screen.apply(written.toString().substring(applied));
        assertThat(stream.text()).isEqualTo(markdown);
        return new Output(written.toString(), screen);
    }

    private static ScreenModel whole(String markdown, int columns, int rows, Capabilities caps) {
        ScreenModel screen = new ScreenModel(columns, rows);
        for (String line : new MarkdownRenderer(caps, false).render(markdown, columns)) {
            screen.apply(line + "\n");
        }
        return screen;
    }

    static Stream<Arguments> splittings() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : Samples.NAMES) {
            String text = Samples.read(name);
            cases.add(Arguments.of(name, "every 1", Samples.every(text, 1)));
            cases.add(Arguments.of(name, "every 3", Samples.every(text, 3)));
            cases.add(Arguments.of(name, "every 7", Samples.every(text, 7)));
            cases.add(Arguments.of(name, "random 1", Samples.random(text, 1)));
            cases.add(Arguments.of(name, "random 42", Samples.random(text, 42)));
            cases.add(Arguments.of(name, "whole", List.of(text)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("splittings")
    void endsWithTheRenderingOfTheWholeText(String name, String splitting, List<String> deltas) {
        String markdown = String.join("", deltas);

        Output streamed = stream(markdown, deltas, COLUMNS, 200, COLOUR);

        assertThat(streamed.screen().styled()).containsExactlyElementsOf(whole(markdown, COLUMNS, 200, COLOUR).styled());
        assertThat(streamed.screen().clampedMoves()).isZero();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("splittings")
    void endsWithTheWholeLayout_withoutColour(String name, String splitting, List<String> deltas) {
        String markdown = String.join("", deltas);

        Output streamed = stream(markdown, deltas, COLUMNS, 200, Capabilities.PLAIN);

        assertThat(streamed.screen().styled())
                .containsExactlyElementsOf(whole(markdown, COLUMNS, 200, Capabilities.PLAIN).styled());
        assertThat(streamed.text()).doesNotContain("\u001b[0", "\u001b]8");
    }

    @Test
    void showsACodeBlockLineByLine_asEachLineEnds() {
        StringWriter written = new StringWriter();
        MarkdownStream stream = new MarkdownStream(new PrintWriter(written), new MarkdownRenderer(COLOUR, false),
                COLUMNS, 30, COLUMNS);
        ScreenModel screen = new ScreenModel(COLUMNS, 30);

        stream.append("```java\nint a = 1;\nint b");
        screen.apply(written.toString());

        assertThat(screen.text()).containsExactly("╭─ java", "│ int a = 1;", "int b");
        assertThat(screen.styled().get(1)).contains("{35}int");
    }

    @Test
    void streamsCodeLikeTheWholeText_whenLinesLookLikeFencesOrTheFenceIsIndented() {
        String markdown = "  ```js\n  let a = `x`;\n    /* open\n  ~~~\n  ```\n\n```\n``\n~~~\n`inline`\n  */\n````\n"
                + "```python\n'''doc\n\nmore'''\nafter\n";
        for (List<String> deltas : List.of(Samples.every(markdown, 1), Samples.every(markdown, 3),
                Samples.random(markdown, 7))) {
            Output streamed = stream(markdown, deltas, COLUMNS, 30, COLOUR);

            assertThat(streamed.screen().styled()).containsExactlyElementsOf(whole(markdown, COLUMNS, 30, COLOUR).styled());
        }
    }

    @Test
    void printsAnUnfinishedParagraphPlainly_withoutAnyRedraw() {
        StringWriter written = new StringWriter();
        MarkdownStream stream = new MarkdownStream(new PrintWriter(written), new MarkdownRenderer(COLOUR, false),
                COLUMNS, 30, COLUMNS);

        for (String delta : Samples.every("Some **bold** words that keep coming, one character at a time, past the width", 1)) {
            stream.append(delta);
        }

        assertThat(written.toString()).doesNotContain("\u001b")
                .isEqualTo("Some **bold** words that keep coming, one character at a tim\ne, past the width");
    }

    @Test
    void redrawsTheTailOnlyWhenABlockFinishes() {
        String markdown = "First paragraph, **bold**.\n\nSecond one.\n\n# Heading\n\nLast.";
        StringWriter written = new StringWriter();
        MarkdownStream stream = new MarkdownStream(new PrintWriter(written), new MarkdownRenderer(COLOUR, false),
                COLUMNS, 30, COLUMNS);
        ScreenModel screen = new ScreenModel(COLUMNS, 30);

        for (String delta : Samples.every(markdown, 1)) {
            stream.append(delta);
        }
        stream.finish();
        screen.apply(written.toString());

        assertThat(written.toString().split("\u001b\\[J", -1)).hasSize(5);
        assertThat(screen.text()).containsExactly("First paragraph, bold.", "", "Second one.", "", "# Heading", "", "Last.");
    }

    @Test
    void neverMovesAboveTheScreen_whenAParagraphIsTallerThanTheScreen() {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            words.append("word").append(i).append(' ');
        }
        String markdown = "# Title\n\n" + words.toString().strip() + "\n\nAfter **it**.\n";

        Output streamed = stream(markdown, Samples.every(markdown, 5), 40, 10, COLOUR);

        assertThat(streamed.screen().clampedMoves()).isZero();
        // Rows end where the screen does, so spaces at row ends are not seen: compare without spaces.
        String shown = String.join("", streamed.screen().text()).replace(" ", "");
        assertThat(shown).containsOnlyOnce(words.toString().replace(" ", ""));
        assertThat(streamed.screen().text()).startsWith("# Title", "").endsWith("", "After it.");
    }

    @Test
    void keepsAParagraphThatOutgrewTheScreenPlain_andRendersTheBlocksAfterIt() {
        String markdown = "A **long** line\n".repeat(12) + "\n```sh\necho hi\n```\n";

        Output streamed = stream(markdown, Samples.every(markdown, 4), 40, 8, COLOUR);

        assertThat(streamed.screen().clampedMoves()).isZero();
        assertThat(streamed.screen().text()).filteredOn(line -> line.equals("A **long** line")).hasSize(12);
        assertThat(streamed.screen().text()).endsWith("╭─ sh", "│ echo hi", "╰─");
    }

    @Test
    void makesControlCharactersVisible_soARepliesCannotDriveTheTerminal() {
        String markdown = "evil \u001b[2J text\u0007\n\n```\n\u001b]52;c;aGk=\u0007\n```\n";

        Output streamed = stream(markdown, Samples.every(markdown, 2), COLUMNS, 30, COLOUR);

        assertThat(streamed.text()).doesNotContain("\u001b[2J", "\u001b]52", "\u0007");
        assertThat(streamed.screen().text()).contains("evil ␛[2J text␇", "│ ␛]52;c;aGk=␇");
    }

    @Test
    void endsAtTheStartOfARow_withoutTrailingBlankRows() {
        Output streamed = stream("Hello\n\n\n", List.of("Hel", "lo\n", "\n\n"), COLUMNS, 30, COLOUR);

        assertThat(streamed.screen().text()).containsExactly("Hello");
        assertThat(streamed.screen().column()).isZero();
    }
}
