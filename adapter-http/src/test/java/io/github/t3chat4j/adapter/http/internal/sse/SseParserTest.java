package io.github.t3chat4j.adapter.http.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SseParserTest {

    /** One dispatched event as the tests compare it. */
    record SseEvent(String type, String data, String id) {
    }

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
        SseParser parser = parser(input);

        List<SseEvent> events = new ArrayList<>();
        while (parser.next()) {
            events.add(event(parser));
        }

        assertThat(events).containsExactlyElementsOf(expected);
    }

    @Test
    void remembersRetry() throws IOException {
        SseParser parser = parser("retry: 1500\ndata: x\n\nretry: 1x\n\n");

        parser.next();
        parser.next();

        assertThat(parser.retryMillis()).hasValue(1500);
    }

    @Test
    void yieldsEventAsSoonAsItsBlankLineArrives_withoutReadingAhead() throws IOException {
        ScriptedStream reader = new ScriptedStream("data: one\r", "\n\r", "\ndata: two\n\n");
        SseParser parser = new SseParser(new LineReader(reader));

        assertThat(parser.next()).isTrue();

        assertThat(event(parser)).isEqualTo(msg("one"));
        assertThat(reader.remaining()).isEqualTo(1);
        assertThat(parser.next()).isTrue();
        assertThat(event(parser)).isEqualTo(msg("two"));
        assertThat(parser.next()).isFalse();
    }

    @Test
    void readsLinesLongerThanItsBuffer() throws IOException {
        String big = "x".repeat(20_000);

        SseParser parser = parser("data: " + big + "\n\n");

        assertThat(parser.next()).isTrue();
        assertThat(parser.dataText()).isEqualTo(big);
    }

    @Test
    void keepsAUtf8CharacterWhole_whenItsBytesArriveInSeparateReads() throws IOException {
        byte[] bytes = "data: \u00e9\uD83D\uDE00\n\n".getBytes(StandardCharsets.UTF_8);
        InputStream oneByteAtATime = new InputStream() {
            private int next;

            @Override
            public int read() {
                return next < bytes.length ? bytes[next++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (next == bytes.length) {
                    return -1;
                }
                buffer[offset] = bytes[next++];
                return 1;
            }
        };
        SseParser parser = new SseParser(new LineReader(oneByteAtATime));

        assertThat(parser.next()).isTrue();
        assertThat(parser.dataText()).isEqualTo("\u00e9\uD83D\uDE00");
    }

    static SseParser parser(String input) {
        return new SseParser(new LineReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))));
    }

    private static SseEvent event(SseParser parser) {
        return new SseEvent(parser.type(), parser.dataText(), parser.lastEventId());
    }

    private static SseEvent msg(String data) {
        return new SseEvent("message", data, "");
    }

    /** Hands out one chunk per read (the part that fits, when the reader's buffer is smaller), then EOF. */
    static final class ScriptedStream extends InputStream {
        private final Deque<byte[]> chunks = new ArrayDeque<>();

        ScriptedStream(String... chunks) {
            for (String chunk : chunks) {
                this.chunks.add(chunk.getBytes(StandardCharsets.UTF_8));
            }
        }

        int remaining() {
            return chunks.size();
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("read chunks, not bytes");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (chunks.isEmpty()) {
                return -1;
            }
            byte[] chunk = chunks.pop();
            int n = Math.min(length, chunk.length);
            System.arraycopy(chunk, 0, buffer, offset, n);
            if (n < chunk.length) {
                chunks.push(Arrays.copyOfRange(chunk, n, chunk.length));
            }
            return n;
        }
    }
}
