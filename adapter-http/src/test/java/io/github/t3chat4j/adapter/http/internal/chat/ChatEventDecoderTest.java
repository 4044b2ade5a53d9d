package io.github.t3chat4j.adapter.http.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.ChatEvent.Finished;
import io.github.t3chat4j.domain.stream.ChatEvent.ImageGenerated;
import io.github.t3chat4j.domain.stream.ChatEvent.ReasoningDelta;
import io.github.t3chat4j.domain.stream.ChatEvent.TextDelta;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatEventDecoderTest {

    private static final String UI_STREAM = """
            data: {"type":"start","messageId":"m"}

            data: {"type":"text-delta","id":"t","delta":"Hel"}

            data: {"type":"text-delta","id":"t","delta":"lo"}

            data: {"type":"finish","finishReason":"stop"}

            data: [DONE]

            """;

    private static final String DATA_STREAM = """
            f:{"messageId":"m"}
            g:"thinking it over"
            0:"Hel"
            0:"lo there"
            e:{"finishReason":"stop","isContinued":false}
            d:{"finishReason":"stop"}
            """;

    @Test
    void decodesUiMessageStream_andIgnoresDoneAfterFinish() {
        assertThat(decode(UI_STREAM, StreamFormat.UI_MESSAGE_STREAM))
                .containsExactly(new TextDelta("Hel"), new TextDelta("lo"), new Finished("stop"));
    }

    @Test
    void emitsFinishedForDone_whenNoFinishCameBefore() {
        String stream = "data: {\"type\":\"text-delta\",\"delta\":\"x\"}\n\ndata: [DONE]\n\ndata: {\"type\":\"text-delta\","
                + "\"delta\":\"after done\"}\n\n";

        assertThat(decode(stream, StreamFormat.UI_MESSAGE_STREAM)).containsExactly(new TextDelta("x"), new Finished(""));
    }

    @Test
    void decodesDataStream_withOneFinishedOnly() {
        assertThat(decode(DATA_STREAM, StreamFormat.DATA_STREAM)).containsExactly(
                new ReasoningDelta("thinking it over"), new TextDelta("Hel"), new TextDelta("lo there"),
                new Finished("stop"));
    }

    @Test
    void detectsUiMessageStream_byFirstLine() {
        assertThat(decode("\n\n" + UI_STREAM, StreamFormat.UNKNOWN)).hasSize(3).last().isEqualTo(new Finished("stop"));
    }

    @Test
    void detectsDataStream_byFirstLine() {
        assertThat(decode("\r\n" + DATA_STREAM, StreamFormat.UNKNOWN)).hasSize(4).first()
                .isEqualTo(new ReasoningDelta("thinking it over"));
    }

    @Test
    void detectsFormatFromHeaders() {
        assertThat(StreamFormat.fromHeaders("v1", null)).isEqualTo(StreamFormat.UI_MESSAGE_STREAM);
        assertThat(StreamFormat.fromHeaders(null, "v1")).isEqualTo(StreamFormat.DATA_STREAM);
        assertThat(StreamFormat.fromHeaders(null, " ")).isEqualTo(StreamFormat.UNKNOWN);
    }

    @Test
    void skipsInvalidJsonLine_andKeepsTheRest() {
        String stream = "data: {\"type\":\"text-delta\",\"delta\":\"Hello \"}\n\ndata: {\"type\":\"text-delta\",\"delta\":\n\n"
                + "data: {\"type\":\"text-delta\",\"delta\":\"world\"}\n\ndata: [DONE]\n\n";

        assertThat(decode(stream, StreamFormat.UI_MESSAGE_STREAM))
                .containsExactly(new TextDelta("Hello "), new TextDelta("world"), new Finished(""));
    }

    @Test
    void reportsAnImageOnce_whenPartialAndFinalOutputRepeatIt() {
        String stream = "data: {\"type\":\"tool-output-partially-available\",\"output\":{\"url\":\"https://s/i\"}}\n\n"
                + "data: {\"type\":\"tool-output-available\",\"output\":{\"url\":\"https://s/i\"}}\n\n";

        assertThat(decode(stream, StreamFormat.UI_MESSAGE_STREAM)).containsExactly(new ImageGenerated("https://s/i"));
    }

    @Test
    void endsWithoutFinished_whenBodyIsTruncated() {
        assertThat(decode("data: {\"type\":\"text-delta\",\"delta\":\"cut\"}\n\n", StreamFormat.UI_MESSAGE_STREAM))
                .containsExactly(new TextDelta("cut"));
    }

    @Test
    void surfacesReadFailure_asUncheckedIoException() {
        InputStream failing = new InputStream() {
            private boolean served;

            @Override
            public int read() {
                throw new UnsupportedOperationException("read chunks, not bytes");
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (served) {
                    throw new IOException("connection reset");
                }
                served = true;
                byte[] chunk = "data: {\"type\":\"text-delta\",\"delta\":\"a\"}\n\n".getBytes(StandardCharsets.UTF_8);
                System.arraycopy(chunk, 0, buffer, offset, chunk.length);
                return chunk.length;
            }
        };
        ChatEventDecoder decoder = new ChatEventDecoder(failing, StreamFormat.UI_MESSAGE_STREAM,
                new ChatEventMapper(new ObjectMapper()));

        assertThat(decoder.next()).isEqualTo(new TextDelta("a"));
        assertThatThrownBy(decoder::hasNext).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void keepsEveryCharacterWhole_whereverTheNetworkSplitsTheBytes() {
        String text = "Grüße 😀 你好 \"quoted\"\n";
        String body = "data: {\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"Grüße 😀 \"}\n\n"
                + "data: {\"delta\":\"你好 \\\"quoted\\\"\\n\",\"id\":\"t\",\"type\":\"text-delta\"}\r\n\r\n"
                + "data: [DONE]\n\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int split = 1; split < bytes.length; split++) {
            InputStream twoReads = new SplitStream(bytes, split);
            ChatEventDecoder decoder = new ChatEventDecoder(twoReads, StreamFormat.UI_MESSAGE_STREAM,
                    new ChatEventMapper(new ObjectMapper()));
            StringBuilder decoded = new StringBuilder();

            decoder.forEachRemaining(event -> decoded.append(event instanceof TextDelta d ? d.text() : "|end"));

            assertThat(decoded.toString()).as("split at byte %d", split).isEqualTo(text + "|end");
        }
    }

    @Test
    void readsFieldsInAnyOrder_andSkipsUnknownOnes() {
        String stream = "data: {\"delta\":\"a\",\"extra\":{\"nested\":[1,{\"delta\":\"no\"}]},\"type\":\"text-delta\"}\n\n"
                + "data: {\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"b\",\"providerMetadata\":{\"x\":1}}\n\n"
                + "data:{\"type\":\"finish\",\"messageMetadata\":{\"finishReason\":\"no\"},\"finishReason\":\"stop\"}\n\n";

        assertThat(decode(stream, StreamFormat.UI_MESSAGE_STREAM))
                .containsExactly(new TextDelta("a"), new TextDelta("b"), new Finished("stop"));
    }

    @Test
    void showsMalformedUtf8AsReplacementCharacters_onEitherPath() {
        byte[] fast = "data: {\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"a\u00ff\u00fe\"}\n\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] parsed = "data: {\"delta\":\"b\u00ff\",\"type\":\"text-delta\"}\n\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[fast.length + parsed.length];
        System.arraycopy(fast, 0, body, 0, fast.length);
        System.arraycopy(parsed, 0, body, fast.length, parsed.length);

        List<ChatEvent> events = new ArrayList<>();
        new ChatEventDecoder(new ByteArrayInputStream(body), StreamFormat.UI_MESSAGE_STREAM,
                new ChatEventMapper(new ObjectMapper())).forEachRemaining(events::add);

        assertThat(events).containsExactly(new TextDelta("a\uFFFD\uFFFD"), new TextDelta("b\uFFFD"));
    }

    /** Hands out the body in two reads, split at a given byte. */
    private static final class SplitStream extends InputStream {
        private final byte[] bytes;
        private final int split;
        private int next;

        SplitStream(byte[] bytes, int split) {
            this.bytes = bytes;
            this.split = split;
        }

        @Override
        public int read() {
            return next < bytes.length ? bytes[next++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (next == bytes.length) {
                return -1;
            }
            int end = next < split ? split : bytes.length;
            int n = Math.min(length, end - next);
            System.arraycopy(bytes, next, buffer, offset, n);
            next += n;
            return n;
        }
    }

    private static List<ChatEvent> decode(String body, StreamFormat format) {
        ChatEventDecoder decoder = new ChatEventDecoder(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), format,
                new ChatEventMapper(new ObjectMapper()));
        List<ChatEvent> events = new ArrayList<>();
        decoder.forEachRemaining(events::add);
        return events;
    }
}
