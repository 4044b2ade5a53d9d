package io.github.t3chat4j.adapter.http.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.ChatEvent.TextDelta;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the fast path to the general one: on many generated lines, and on those lines with bytes changed
 * at random, the mapper answers exactly what Jackson's parser alone answers.
 */
class TextDeltaFastPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PIECES = {"a", "Hel", "lo ", "wörld", "Grüße", "😀", "你好", "🎉", "\n", "\t", "\"",
        "\\", "/", "\u0001", "\u001f", "\u2028", "\uD83D", "é", " ", "end.", "{}", "\":\"", "}", "data: "};

    private final ChatEventMapper mapper = new ChatEventMapper(JSON);

    @Test
    void takesTheFastPath_forTheAiSdksTextDelta() {
        byte[] line = "{\"type\":\"text-delta\",\"id\":\"txt-0\",\"delta\":\"Gr\\u00fc\u00dfe \\n\\\"\uD83D\uDE00\\\"\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(TextDeltaFastPath.uiMessageDelta(line, 0, line.length)).isEqualTo("Grüße \n\"😀\"");
    }

    static Stream<String> linesTheFastPathLeavesToTheParser() {
        return Stream.of(
                "{\"id\":\"t\",\"type\":\"text-delta\",\"delta\":\"x\"}",
                "{\"type\":\"text-delta\",\"delta\":\"x\",\"id\":\"t\"}",
                "{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"x\",\"providerMetadata\":{}}",
                "{\"type\": \"text-delta\",\"id\":\"t\",\"delta\":\"x\"}",
                "{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":{\"text\":\"x\"}}",
                "{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"x\"}}",
                "{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"x\"",
                "{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"a\u0001b\"}",
                "{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"\\x\"}",
                "{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"\\u12\"}",
                "{\"type\":\"text-delta\",\"id\":\"t\\\"\",\"delta\":\"x\"}",
                "{\"type\":\"reasoning-delta\",\"id\":\"t\",\"delta\":\"x\"}");
    }

    @ParameterizedTest
    @MethodSource("linesTheFastPathLeavesToTheParser")
    void leavesEveryOtherShapeToTheParser_whichStillDecodesIt(String json) {
        byte[] line = json.getBytes(StandardCharsets.UTF_8);

        assertThat(TextDeltaFastPath.uiMessageDelta(line, 0, line.length)).isNull();
        assertThat(mapper.fromUiMessage(line, 0, line.length))
                .isEqualTo(mapper.fromUiMessageParsed(line, 0, line.length));
    }

    @Test
    void agreesWithJackson_onGeneratedTextDeltas() throws Exception {
        Random random = new Random(20250612);
        for (int i = 0; i < 20_000; i++) {
            ObjectNode event = JsonNodeFactory.instance.objectNode().put("type", "text-delta").put("id", "txt-" + i)
                    .put("delta", randomText(random));
            byte[] line = event.toString().getBytes(StandardCharsets.UTF_8);
            String jacksons = JSON.readTree(line).get("delta").asText();

            List<ChatEvent> fast = mapper.fromUiMessage(line, 0, line.length);

            assertThat(TextDeltaFastPath.uiMessageDelta(line, 0, line.length)).as(printable(line)).isEqualTo(jacksons);
            assertThat(fast).isEqualTo(jacksons.isEmpty() ? List.of() : List.of(new TextDelta(jacksons)));
            assertThat(fast).isEqualTo(mapper.fromUiMessageParsed(line, 0, line.length));
        }
    }

    @Test
    void agreesWithTheParser_onLinesWithBytesChangedAtRandom() {
        Random random = new Random(7);
        byte[] noise = "\"\\}{u0aF:\n\u0001 ".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 50_000; i++) {
            String json = JsonNodeFactory.instance.objectNode().put("type", "text-delta").put("id", "t")
                    .put("delta", randomText(random)).toString();
            byte[] line = json.getBytes(StandardCharsets.UTF_8);
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                int at = random.nextInt(line.length);
                line[at] = random.nextInt(4) == 0 ? (byte) (0x80 + random.nextInt(0x80)) : noise[random.nextInt(noise.length)];
            }

            assertThat(mapper.fromUiMessage(line, 0, line.length)).as(printable(line))
                    .isEqualTo(mapper.fromUiMessageParsed(line, 0, line.length));
        }
    }

    @Test
    void agreesWithTheParser_onDataStreamTextParts() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            String delta = randomText(random);
            byte[] payload = JsonNodeFactory.instance.textNode(delta).toString().getBytes(StandardCharsets.UTF_8);
            if (i % 2 == 1) {
                payload[random.nextInt(payload.length)] = (byte) "\"\\ x\u0001".charAt(random.nextInt(5));
            }
            String code = i % 3 == 0 ? "g" : "0";

            assertThat(mapper.fromDataStream(code, payload, 0, payload.length))
                    .as(printable(payload))
                    .isEqualTo(mapper.fromDataStreamParsed(code, payload, 0, payload.length));
        }
    }

    /** The line with every byte outside printable ASCII as \\xNN, for failure messages. */
    private static String printable(byte[] line) {
        StringBuilder text = new StringBuilder();
        for (byte b : line) {
            text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b & 0xFF));
        }
        return text.toString();
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
