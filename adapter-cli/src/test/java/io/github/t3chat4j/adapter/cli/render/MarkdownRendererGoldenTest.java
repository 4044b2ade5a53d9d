package io.github.t3chat4j.adapter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sample rendered whole at 60 columns, compared with its golden file under
 * {@code src/test/resources/markdown/golden/}: {@code NAME.txt} without colour (NO_COLOR), {@code NAME.ansi.txt}
 * with colour ({@code \e} stands for ESC), {@code NAME.links.txt} with OSC 8 hyperlinks. Run with
 * {@code -Dgolden.update=true} to rewrite them after a deliberate change, then review the diff.
 */
class MarkdownRendererGoldenTest {

    static final int WIDTH = 60;
    private static final Path GOLDEN = Path.of("src", "test", "resources", "markdown", "golden");

    static Stream<Arguments> variants() {
        return Samples.NAMES.stream().flatMap(name -> Stream.of(
                Arguments.of(name, "txt", Capabilities.PLAIN),
                Arguments.of(name, "ansi.txt", new Capabilities(true, false, false)),
                Arguments.of(name, "links.txt", new Capabilities(true, true, false))));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("variants")
    void rendersLikeItsGoldenFile(String name, String kind, Capabilities capabilities) throws IOException {
        List<String> lines = new MarkdownRenderer(capabilities, false).render(Samples.read(name), WIDTH);
        String actual = String.join("\n", lines).replace("\u001b", "\\e") + "\n";

        Path golden = GOLDEN.resolve(name + "." + kind);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void neverRendersARowWiderThanTheWidth(String name) {
        for (int width : new int[] {20, 41, 60, 100}) {
            List<String> lines = new MarkdownRenderer(Capabilities.PLAIN, false).render(Samples.read(name), width);

            assertThat(lines).allSatisfy(line -> assertThat(DisplayWidth.of(line)).as(line).isLessThanOrEqualTo(width));
        }
    }

    static Stream<String> names() {
        return Samples.NAMES.stream();
    }
}
