package io.github.t3chat4j.adapter.http.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.ChatEvent.Aborted;
import io.github.t3chat4j.domain.stream.ChatEvent.Finished;
import io.github.t3chat4j.domain.stream.ChatEvent.ImageGenerated;
import io.github.t3chat4j.domain.stream.ChatEvent.ReasoningDelta;
import io.github.t3chat4j.domain.stream.ChatEvent.StreamError;
import io.github.t3chat4j.domain.stream.ChatEvent.TextDelta;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChatEventMapperTest {

    private final ChatEventMapper mapper = new ChatEventMapper(new ObjectMapper());

    static Stream<Arguments> uiMessages() {
        return Stream.of(
                Arguments.of("{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"Hel\"}", List.of(new TextDelta("Hel"))),
                Arguments.of("{\"type\":\"text-delta\",\"delta\":{\"text\":\"obj\"}}", List.of(new TextDelta("obj"))),
                Arguments.of("{\"type\":\"text-delta\",\"textDelta\":\"v4\"}", List.of(new TextDelta("v4"))),
                Arguments.of("{\"type\":\"text\",\"text\":\"whole\"}", List.of(new TextDelta("whole"))),
                Arguments.of("{\"type\":\"text\",\"content\":[{\"text\":\"a\"},{\"text\":\"b\"}]}",
                        List.of(new TextDelta("ab"))),
                Arguments.of("{\"type\":\"text-delta\",\"delta\":\"\"}", List.of()),
                Arguments.of("{\"type\":\"reasoning-delta\",\"id\":\"r\",\"delta\":\"hmm\"}",
                        List.of(new ReasoningDelta("hmm"))),
                Arguments.of("{\"type\":\"reasoning-delta\",\"delta\":{\"text\":\"obj\"}}",
                        List.of(new ReasoningDelta("obj"))),
                Arguments.of("{\"type\":\"reasoning\",\"text\":\"v4 style\"}", List.of(new ReasoningDelta("v4 style"))),
                Arguments.of("{\"type\":\"reasoning\",\"content\":[{\"text\":\"x\"}]}", List.of(new ReasoningDelta("x"))),
                Arguments.of("{\"type\":\"tool-output-available\",\"toolCallId\":\"c\",\"output\":{\"url\":\"https://s/i.png\","
                        + "\"mediaType\":\"image/png\"}}", List.of(new ImageGenerated("https://s/i.png"))),
                Arguments.of("{\"type\":\"tool-output-partially-available\",\"output\":{\"output\":[{\"url\":\"https://s/1\"},"
                        + "{\"url\":\"https://s/2\"}]}}", List.of(new ImageGenerated("https://s/1"),
                        new ImageGenerated("https://s/2"))),
                Arguments.of("{\"type\":\"tool-output-available\",\"output\":[{\"url\":\"https://s/a\"}]}",
                        List.of(new ImageGenerated("https://s/a"))),
                Arguments.of("{\"type\":\"tool-output-available\",\"output\":{\"text\":\"no image\"}}", List.of()),
                Arguments.of("{\"type\":\"image-gen\",\"url\":\"https://s/u\"}", List.of(new ImageGenerated("https://s/u"))),
                Arguments.of("{\"type\":\"image-gen\",\"content\":\"https://s/c\"}",
                        List.of(new ImageGenerated("https://s/c"))),
                Arguments.of("{\"type\":\"image-gen\",\"content\":\"\\\"https://s/q\\\"\"}",
                        List.of(new ImageGenerated("https://s/q"))),
                Arguments.of("{\"type\":\"image-gen\",\"delta\":{\"url\":\"https://s/d\"}}",
                        List.of(new ImageGenerated("https://s/d"))),
                Arguments.of("{\"type\":\"tool-output-available\",\"output\":{\"url\":\"data:image/png;base64,iVBO\"}}",
                        List.of(new ImageGenerated("data:image/png;base64,iVBO"))),
                Arguments.of("{\"type\":\"error\",\"errorText\":\"overloaded\"}", List.of(new StreamError("overloaded"))),
                Arguments.of("{\"type\":\"error\"}",
                        List.of(new StreamError("The server reported an error without a message."))),
                Arguments.of("{\"type\":\"finish\",\"finishReason\":\"stop\"}", List.of(new Finished("stop"))),
                Arguments.of("{\"type\":\"finish\",\"messageMetadata\":{}}", List.of(new Finished(""))),
                Arguments.of("{\"type\":\"abort\"}", List.of(new Aborted())),
                Arguments.of("{\"type\":\"start\",\"messageId\":\"m\"}", List.of()),
                Arguments.of("{\"type\":\"tool-input-delta\",\"inputTextDelta\":\"{}\"}", List.of()),
                Arguments.of("{\"type\":\"brand-new-type\",\"delta\":\"x\"}", List.of()),
                Arguments.of("{\"delta\":\"no type\"}", List.of()),
                Arguments.of("{not json", List.of()),
                Arguments.of("[1,2]", List.of()),
                Arguments.of("\"just a string\"", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uiMessages")
    void decodesUiMessageStreamEvent(String json, List<ChatEvent> expected) {
        assertThat(mapper.fromUiMessage(json)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> dataStreamParts() {
        return Stream.of(
                Arguments.of("0", "\"Hel\"", List.of(new TextDelta("Hel"))),
                Arguments.of("g", "\"thinking\"", List.of(new ReasoningDelta("thinking"))),
                Arguments.of("2", "[{\"type\":\"image-gen\",\"content\":\"\\\"https://s/i.png\\\"\"}]",
                        List.of(new ImageGenerated("https://s/i.png"))),
                Arguments.of("2", "[{\"type\":\"other\",\"content\":\"x\"},{\"type\":\"image-gen\",\"url\":\"https://s/u\"}]",
                        List.of(new ImageGenerated("https://s/u"))),
                Arguments.of("2", "{\"not\":\"an array\"}", List.of()),
                Arguments.of("3", "\"boom\"", List.of(new StreamError("boom"))),
                Arguments.of("e", "{\"finishReason\":\"stop\",\"isContinued\":false}", List.of(new Finished("stop"))),
                Arguments.of("d", "{\"finishReason\":\"length\"}", List.of(new Finished("length"))),
                Arguments.of("d", "{}", List.of(new Finished(""))),
                Arguments.of("f", "{\"messageId\":\"m\"}", List.of()),
                Arguments.of("9", "{\"toolCallId\":\"x\"}", List.of()),
                Arguments.of("0", "\"unterminated", List.of()));
    }

    @ParameterizedTest(name = "{0}:{1}")
    @MethodSource("dataStreamParts")
    void decodesDataStreamPart(String code, String payload, List<ChatEvent> expected) {
        assertThat(mapper.fromDataStream(code, payload)).containsExactlyElementsOf(expected);
    }

    @Test
    void decodesReasoningApartFromText() {
        List<ChatEvent> reasoning = mapper.fromUiMessage("{\"type\":\"reasoning-delta\",\"delta\":\"why\"}");
        List<ChatEvent> text = mapper.fromUiMessage("{\"type\":\"text-delta\",\"delta\":\"what\"}");

        assertThat(reasoning).containsExactly(new ReasoningDelta("why"));
        assertThat(text).containsExactly(new TextDelta("what"));
    }
}
