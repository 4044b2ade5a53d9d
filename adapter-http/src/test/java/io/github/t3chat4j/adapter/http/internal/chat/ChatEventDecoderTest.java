package io.github.t3chat4j.adapter.http.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.ChatEvent.Finished;
import io.github.t3chat4j.domain.stream.ChatEvent.ImageGenerated;
import io.github.t3chat4j.domain.stream.ChatEvent.ReasoningDelta;
import io.github.t3chat4j.domain.stream.ChatEvent.TextDelta;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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
        Reader failing = new Reader() {
            private boolean served;

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                if (served) {
                    throw new IOException("connection reset");
                }
                served = true;
                String chunk = "data: {\"type\":\"text-delta\",\"delta\":\"a\"}\n\n";
                chunk.getChars(0, chunk.length(), buffer, offset);
                return chunk.length();
            }

            @Override
            public void close() {
            }
        };
        ChatEventDecoder decoder = new ChatEventDecoder(failing, StreamFormat.UI_MESSAGE_STREAM,
                new ChatEventMapper(new ObjectMapper()));

        assertThat(decoder.next()).isEqualTo(new TextDelta("a"));
        assertThatThrownBy(decoder::hasNext).isInstanceOf(UncheckedIOException.class);
    }

    private static List<ChatEvent> decode(String body, StreamFormat format) {
        ChatEventDecoder decoder = new ChatEventDecoder(new StringReader(body), format,
                new ChatEventMapper(new ObjectMapper()));
        List<ChatEvent> events = new ArrayList<>();
        decoder.forEachRemaining(events::add);
        return events;
    }
}
