package io.github.t3chat4j.adapter.http.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
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
        LineReader reader = new LineReader(new SseParserTest.ScriptedReader("a\r", "\nb\n"));

        assertThat(reader.readLine()).isEqualTo("a");
        assertThat(reader.readLine()).isEqualTo("b");
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void returnsPushedBackLineFirst() throws IOException {
        LineReader reader = new LineReader(new StringReader("b\n"));

        reader.pushBack("a");

        assertThat(reader.readLine()).isEqualTo("a");
        assertThat(reader.readLine()).isEqualTo("b");
    }

    private static List<String> lines(String text) throws IOException {
        LineReader reader = new LineReader(new StringReader(text));
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        return lines;
    }
}
