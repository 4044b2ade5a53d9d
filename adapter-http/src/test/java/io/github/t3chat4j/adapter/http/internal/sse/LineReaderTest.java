package io.github.t3chat4j.adapter.http.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void splitsOnCrLfCrAndLf() throws IOException {
        assertThat(lines("a\r\nb\rc\nd")).containsExactly("a", "b", "c", "d");
    }

    @Test
    void keepsEmptyLines() throws IOException {
        assertThat(lines("a\n\n\r\n\rb\n")).containsExactly("a", "", "", "", "b");
    }

    @Test
    void skipsLineFeedAfterCarriageReturnAcrossReads() throws IOException {
        LineReader reader = new LineReader(new SseParserTest.ScriptedStream("a\r", "\nb\n"));

        assertThat(reader.next()).isTrue();
        assertThat(reader.text()).isEqualTo("a");
        assertThat(reader.next()).isTrue();
        assertThat(reader.text()).isEqualTo("b");
        assertThat(reader.next()).isFalse();
    }

    @Test
    void returnsPushedBackLineAgain() throws IOException {
        LineReader reader = reader("a\nb\n");

        reader.next();
        reader.pushBack();

        assertThat(reader.next()).isTrue();
        assertThat(reader.text()).isEqualTo("a");
        assertThat(reader.next()).isTrue();
        assertThat(reader.text()).isEqualTo("b");
    }

    @Test
    void readsLinesLongerThanItsBuffer_andLinesSplitAcrossReads() throws IOException {
        String big = "y".repeat(10_000);
        LineReader reader = new LineReader(new SseParserTest.ScriptedStream("x".repeat(10_000), "z\n" + big,
                big + "\nlast"));

        assertThat(lines(reader)).containsExactly("x".repeat(10_000) + "z", big + big, "last");
    }

    private static LineReader reader(String text) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> lines(String text) throws IOException {
        return lines(reader(text));
    }

    private static List<String> lines(LineReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            lines.add(reader.text());
        }
        return lines;
    }
}
