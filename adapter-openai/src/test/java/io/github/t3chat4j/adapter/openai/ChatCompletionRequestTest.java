package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.Role;
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

        assertThat(request.systemPrompt()).isEqualTo("Be brief.\n\nUse French.");
        assertThat(request.messages()).extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
        assertThat(request.messages()).extracting(Message::text).containsExactly("q1", "a1", "part one\npart two");
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
        assertRefused("{\"model\":\"m\",\"tools\":[{\"type\":\"function\"}]," + user + "}", "tools");
        assertRefused("{\"model\":\"m\",\"messages\":[]}", "messages");
        assertRefused("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"only\"}]}", "messages");
        assertRefused("{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}", "messages[0].role");
        assertRefused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"https://x\"}}]}]}", "messages[0].content[0].type");
        assertRefused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"  \"}]}", "messages[0].content");
        assertRefused("{\"model\":\"m\",\"stream\":\"yes\"," + user + "}", "stream");
    }
}
