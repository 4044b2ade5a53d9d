package io.github.t3chat4j.adapter.http.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SseParserTest {

    static Stream<Arguments> streams() {
        return Stream.of(
                Arguments.of("LF line endings", "data: a\n\ndata: b\n\n", List.of(msg("a"), msg("b"))),
                Arguments.of("CRLF line endings", "data: a\r\n\r\ndata: b\r\n\r\n", List.of(msg("a"), msg("b"))),
                Arguments.of("CR line endings", "data: a\r\rdata: b\r\r", List.of(msg("a"), msg("b"))),
                Arguments.of("mixed line endings", "data: a\r\n\ndata: b\r\r\n", List.of(msg("a"), msg("b"))),
                Arguments.of("no space after the colon", "data:a\n\n", List.of(msg("a"))),
                Arguments.of("only one leading space is dropped", "data:  a \n\n", List.of(msg(" a "))),
                Arguments.of("comments are skipped", ": keep-alive\ndata: a\n: more\n\n", List.of(msg("a"))),
                Arguments.of("a comment-only block dispatches nothing", ": ping\n\n:\n\n", List.of()),
                Arguments.of("multi-line data is joined with LF", "data: a\ndata: b\ndata\n\n", List.of(msg("a\nb\n"))),
                Arguments.of("an empty data line is an empty event", "data\n\n", List.of(msg(""))),
                Arguments.of("event type and id", "event: delta\nid: 7\ndata: x\n\n",
                        List.of(new SseEvent("delta", "x", "7"))),
                Arguments.of("the id carries over, the type does not", "event: t\nid: 1\ndata: x\n\ndata: y\n\n",
                        List.of(new SseEvent("t", "x", "1"), new SseEvent("message", "y", "1"))),
                Arguments.of("a metadata-only block is not dispatched", "event: t\nretry: 10\n\ndata: y\n\n",
                        List.of(msg("y"))),
                Arguments.of("an id with NUL is ignored", "id: a\0b\ndata: x\n\n", List.of(msg("x"))),
                Arguments.of("unknown fields are ignored", "foo: bar\ndata: x\n\n", List.of(msg("x"))),
                Arguments.of("a byte order mark at the start is dropped", "\uFEFFdata: x\n\n", List.of(msg("x"))),
                Arguments.of("EOF without a blank line still dispatches", "data: a\n\ndata: last", List.of(msg("a"),
                        msg("last"))),
                Arguments.of("EOF after a lone line ending dispatches", "data: last\n", List.of(msg("last"))),
                Arguments.of("the AI SDK's [DONE]", "data: {\"type\":\"finish\"}\n\ndata: [DONE]\n\n",
                        List.of(msg("{\"type\":\"finish\"}"), msg("[DONE]"))),
                Arguments.of("an empty stream", "", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void parsesEventStream(String name, String input, List<SseEvent> expected) throws IOException {
        SseParser parser = new SseParser(new StringReader(input));

        List<SseEvent> events = new ArrayList<>();
        for (SseEvent e = parser.next(); e != null; e = parser.next()) {
            events.add(e);
        }

        assertThat(events).containsExactlyElementsOf(expected);
    }

    @Test
    void remembersRetry() throws IOException {
        SseParser parser = new SseParser(new StringReader("retry: 1500\ndata: x\n\nretry: 1x\n\n"));

        parser.next();
        parser.next();

        assertThat(parser.retryMillis()).hasValue(1500);
    }

    @Test
    void yieldsEventAsSoonAsItsBlankLineArrives_withoutReadingAhead() throws IOException {
        ScriptedReader reader = new ScriptedReader("data: one\r", "\n\r", "\ndata: two\n\n");
        SseParser parser = new SseParser(reader);

        SseEvent first = parser.next();

        assertThat(first).isEqualTo(msg("one"));
        assertThat(reader.remaining()).isEqualTo(1);
        assertThat(parser.next()).isEqualTo(msg("two"));
        assertThat(parser.next()).isNull();
    }

    @Test
    void readsLinesLongerThanItsBuffer() throws IOException {
        String big = "x".repeat(20_000);

        SseEvent event = new SseParser(new StringReader("data: " + big + "\n\n")).next();

        assertThat(event.data()).isEqualTo(big);
    }

    private static SseEvent msg(String data) {
        return new SseEvent("message", data, "");
    }

    /** Hands out one chunk per read and fails the test if read past its script before EOF is expected. */
    static final class ScriptedReader extends Reader {
        private final Deque<String> chunks;

        ScriptedReader(String... chunks) {
            this.chunks = new ArrayDeque<>(List.of(chunks));
        }

        int remaining() {
            return chunks.size();
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (chunks.isEmpty()) {
                return -1;
            }
            String chunk = chunks.pop();
            if (chunk.length() > length) {
                fail("chunk larger than the read buffer");
            }
            chunk.getChars(0, chunk.length(), buffer, offset);
            return chunk.length();
        }

        @Override
        public void close() {
        }
    }
}
