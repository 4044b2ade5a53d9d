package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.adapter.openai.internal.emulation.OutputFormat;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolCall;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolChoice;
import io.github.t3chat4j.adapter.openai.internal.emulation.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompletionRequestTest {

    private static ChatCompletionRequest parse(String json) throws Exception {
        return ChatCompletionRequest.parse(new ObjectMapper().readTree(json));
    }

    private static void assertRefused(String json, String param) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ApiErrorException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.body().at("/error/param").asText()).isEqualTo(param);
        });
    }

    @Test
    void joinsSystemAndDeveloperMessagesIntoTheSystemPrompt_andKeepsTheRestInOrder() throws Exception {
        ChatCompletionRequest request = parse("{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"q1\"},"
                + "{\"role\":\"assistant\",\"content\":\"a1\"},"
                + "{\"role\":\"developer\",\"content\":[{\"type\":\"text\",\"text\":\"Use French.\"}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"part one\"},"
                + "{\"type\":\"text\",\"text\":\"part two\"}]}]}");

        assertThat(request.emulation().instructions()).isEqualTo("Be brief.\n\nUse French.");
        assertThat(request.emulation().turns()).containsExactly(new Turn.User("q1"),
                new Turn.Assistant("a1", List.of()), new Turn.User("part one\npart two"));
        assertThat(request.stream()).isFalse();
        assertThat(request.reasoningEffort()).isEqualTo(ReasoningEffort.LOW);
    }

    @Test
    void readsStreamUsageReasoningAndSearch_andIgnoresParametersWithoutAnEquivalent() throws Exception {
        ChatCompletionRequest request = parse("{\"model\":\"m\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"reasoning_effort\":\"medium\","
                + "\"web_search_options\":{},\"temperature\":0.2,\"max_tokens\":10,\"max_completion_tokens\":20,"
                + "\"top_p\":1,\"stop\":[\"x\"],\"user\":\"me\",\"n\":1,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.reasoningEffort()).isEqualTo(ReasoningEffort.MEDIUM);
        assertThat(request.search()).isTrue();
    }

    @Test
    void mapsOpenAiReasoningEffortsOntoT3ChatsThree() throws Exception {
        assertThat(parse("{\"model\":\"m\",\"reasoning_effort\":\"minimal\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}").reasoningEffort()).isEqualTo(ReasoningEffort.LOW);
        assertThat(parse("{\"model\":\"m\",\"reasoning_effort\":\"high\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}").reasoningEffort()).isEqualTo(ReasoningEffort.HIGH);
        assertRefused("{\"model\":\"m\",\"reasoning_effort\":\"extreme\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}", "reasoning_effort");
    }

    @Test
    void refusesWhatWouldChangeTheAnswersShape() {
        String user = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
        assertRefused("{" + user + "}", "model");
        assertRefused("{\"model\":\"m\",\"n\":3," + user + "}", "n");
        assertRefused("{\"model\":\"m\",\"max_tokens\":\"lots\"," + user + "}", "max_tokens");
        assertRefused("{\"model\":\"m\",\"tools\":[{\"type\":\"function\"}]," + user + "}", "tools[0].type");
        assertRefused("{\"model\":\"m\",\"tools\":[{\"type\":\"function\",\"function\":{}}]," + user + "}",
                "tools[0].function.name");
        assertRefused("{\"model\":\"m\",\"functions\":[{\"name\":\"f\"}]," + user + "}", "functions");
        assertRefused("{\"model\":\"m\",\"messages\":[]}", "messages");
        assertRefused("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"only\"}]}", "messages");
        assertRefused("{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}",
                "messages[0].tool_call_id");
        assertRefused("{\"model\":\"m\",\"messages\":[{\"role\":\"function\",\"content\":\"x\"}]}",
                "messages[0].role");
        assertRefused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"https://x\"}}]}]}", "messages[0].content[0].type");
        assertRefused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"  \"}]}", "messages[0].content");
        assertRefused("{\"model\":\"m\",\"stream\":\"yes\"," + user + "}", "stream");
    }

    @Test
    void readsToolsChoiceCallsAndResults_intoTheEmulation() throws Exception {
        ChatCompletionRequest request = parse("""
                {"model":"m","parallel_tool_calls":false,
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather.",
                           "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
                 "tool_choice":{"type":"function","function":{"name":"get_weather"}},
                 "messages":[{"role":"user","content":"Paris?"},
                   {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                     "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                   {"role":"tool","tool_call_id":"call_1","content":"18C"}]}""");

        assertThat(request.emulation().tools()).extracting(t -> t.name()).containsExactly("get_weather");
        assertThat(request.emulation().choice()).isEqualTo(new ToolChoice.Named("get_weather"));
        assertThat(request.emulation().parallelCalls()).isFalse();
        assertThat(request.emulation().turns().get(1)).isEqualTo(new Turn.Assistant("", List.of(new ToolCall("call_1",
                "get_weather", new ObjectMapper().readTree("{\"city\":\"Paris\"}")))));
        assertThat(request.emulation().turns().get(2)).isEqualTo(new Turn.ToolResult("call_1", null, "18C", false));
    }

    @Test
    void readsResponseFormats_andRefusesUnknownOnes() throws Exception {
        String user = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
        assertThat(parse("{\"model\":\"m\",\"response_format\":{\"type\":\"json_object\"}," + user + "}")
                .emulation().format()).isEqualTo(OutputFormat.JSON_OBJECT);
        assertThat(parse("{\"model\":\"m\",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":"
                + "{\"name\":\"p\",\"strict\":true,\"schema\":{\"type\":\"object\"}}}," + user + "}")
                .emulation().format()).isInstanceOf(OutputFormat.JsonSchema.class);
        assertRefused("{\"model\":\"m\",\"response_format\":{\"type\":\"yaml\"}," + user + "}",
                "response_format.type");
        assertRefused("{\"model\":\"m\",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{}},"
                + user + "}", "response_format.json_schema.schema");
        assertRefused("{\"model\":\"m\",\"tool_choice\":\"required\"," + user + "}", "tool_choice");
    }
}
