package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoice;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.models.ModelInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.t3chat4j.testkit.Scenarios;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official Anthropic Java SDK against the gateway's Messages API, over loopback, in front of the fake
 * t3.chat playing a model that follows the gateway's tool convention: a tool loop (the model asks, the
 * client runs the tool, the model answers), streamed and not, thinking, stop sequences, token counts,
 * the model listing and the mapping of Claude ids to t3.chat's models.
 */
class AnthropicSdkTest {

    static final String FORECAST = "18°C and sunny";

    private final GatewayFixture fixture = GatewayFixture.start();
    private final AnthropicClient anthropic = client(fixture, GatewayFixture.KEY);

    @AfterEach
    void stop() {
        anthropic.close();
        fixture.close();
    }

    /** The SDK pointed at the gateway (its base URL has no /v1: the SDK adds it), without retries. */
    static AnthropicClient client(GatewayFixture fixture, String key) {
        return AnthropicOkHttpClient.builder().baseUrl(fixture.baseUrl().toString().replaceFirst("/v1$", ""))
                .apiKey(key).maxRetries(0).timeout(Duration.ofSeconds(30)).build();
    }

    static Tool weatherTool() {
        return Tool.builder().name("get_weather").description("The current weather in a city")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(Tool.InputSchema.Properties.builder()
                                .putAdditionalProperty("city", JsonValue.from(Map.of("type", "string"))).build())
                        .addRequired("city").build())
                .build();
    }

    private static MessageCreateParams.Builder weatherQuestion() {
        return MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(1024).addTool(weatherTool())
                .addUserMessage("What is the weather in Paris?");
    }

    private void playTheWeatherModel() {
        fixture.server.defaultChat(Scenarios.toolUser("get_weather", "{\"city\": \"Paris\"}", "The weather in Paris: "));
    }

    private static MessageCreateParams.Builder withResult(MessageCreateParams.Builder question, Message first,
            String result) {
        ToolUseBlock call = first.content().stream().filter(ContentBlock::isToolUse).findFirst().orElseThrow().asToolUse();
        return question.addMessage(first).addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
                ToolResultBlockParam.builder().toolUseId(call.id()).content(result).build())));
    }

    @Test
    void runsAToolLoop_theModelAsks_theClientRunsIt_theModelAnswers() {
        playTheWeatherModel();

        Message first = anthropic.messages().create(weatherQuestion().build()).validate();

        assertThat(first.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(first.model().asString()).as("the t3.chat model that answered").isEqualTo("claude-4-sonnet");
        assertThat(first.id()).startsWith("msg_");
        assertThat(first.content()).hasSize(2);
        assertThat(first.content().get(0).asText().text()).isEqualTo(Scenarios.TOOL_PREAMBLE);
        ToolUseBlock call = first.content().get(1).asToolUse();
        assertThat(call.id()).startsWith("toolu_");
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call._input().convert(Map.class)).isEqualTo(Map.of("city", "Paris"));
        assertThat(first.usage().inputTokens()).isPositive();
        assertThat(first.usage().outputTokens()).isPositive();

        Message answer = anthropic.messages().create(withResult(weatherQuestion(), first, FORECAST).build()).validate();

        assertThat(answer.stopReason()).contains(StopReason.END_TURN);
        assertThat(answer.content()).hasSize(1);
        assertThat(answer.content().get(0).asText().text()).isEqualTo("The weather in Paris: " + FORECAST);
        JsonNode sent = fixture.lastChatBody();
        assertThat(sent.path("model").asText()).isEqualTo("claude-4-sonnet");
        String transcript = sent.path("messages").toString();
        assertThat(transcript).contains("<tool_call>").contains("<tool_result name=\\\"get_weather\\\" id=\\\""
                + call.id());
        assertThat(fixture.log).anyMatch(line -> line.startsWith("POST /v1/messages 200 claude-sonnet-4-5 as"
                + " claude-4-sonnet"));
    }

    @Test
    void streamsTheToolLoop_textAsItComes_theCallAsInputJsonDeltas() {
        playTheWeatherModel();
        List<String> deltas = new ArrayList<>();
        MessageAccumulator accumulator = MessageAccumulator.create();

        try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(weatherQuestion()
                .build())) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                event.contentBlockDelta().ifPresent(delta -> deltas.add(delta.delta().isText() ? "text"
                        : delta.delta().isInputJson() ? "json" : "other"));
            });
        }
        Message first = accumulator.message().validate();

        assertThat(deltas).contains("text", "json").doesNotContain("other");
        assertThat(first.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(first.content().get(0).asText().text()).isEqualTo(Scenarios.TOOL_PREAMBLE);
        ToolUseBlock call = first.content().get(1).asToolUse();
        assertThat(call._input().convert(Map.class)).isEqualTo(Map.of("city", "Paris"));

        MessageAccumulator second = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(
                withResult(weatherQuestion(), first, FORECAST).build())) {
            stream.stream().forEach(second::accumulate);
        }

        assertThat(second.message().stopReason()).contains(StopReason.END_TURN);
        assertThat(second.message().content().get(0).asText().text()).isEqualTo("The weather in Paris: " + FORECAST);
    }

    @Test
    void showsTheModelsReasoningAsThinking_whenThinkingIsOn_atTheEffortOfTheBudget() {
        fixture.server.defaultChat(Scenarios.reasoningThenReply("Weighing the question.", "Hello there."));
        MessageCreateParams thinking = MessageCreateParams.builder().model("claude-opus-4-1-20250805").maxTokens(16000)
                .enabledThinking(10000).addUserMessage("Hi").build();

        Message message = anthropic.messages().create(thinking).validate();

        assertThat(message.content()).hasSize(2);
        assertThat(message.content().get(0).asThinking().thinking()).isEqualTo("Weighing the question.");
        assertThat(message.content().get(0).asThinking().signature()).isNotBlank();
        assertThat(message.content().get(1).asText().text()).isEqualTo("Hello there.");
        assertThat(fixture.lastChatBody().path("modelParams").path("reasoningEffort").asText()).isEqualTo("medium");

        MessageAccumulator accumulator = MessageAccumulator.create();
        List<String> deltas = new ArrayList<>();
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(thinking)) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                event.contentBlockDelta().ifPresent(delta -> deltas.add(delta.delta().isThinking() ? "thinking"
                        : delta.delta().isSignature() ? "signature" : delta.delta().isText() ? "text" : "other"));
            });
        }
        assertThat(deltas).contains("thinking", "signature", "text").doesNotContain("other");
        assertThat(deltas.indexOf("signature")).isLessThan(deltas.indexOf("text"));
        Message streamed = accumulator.message().validate();
        assertThat(streamed.content().get(0).asThinking().thinking()).isEqualTo("Weighing the question.");
        assertThat(streamed.content().get(1).asText().text()).isEqualTo("Hello there.");

        Message plain = anthropic.messages().create(MessageCreateParams.builder().model("claude-opus-4-1-20250805")
                .maxTokens(1024).addUserMessage("Hi").build()).validate();
        assertThat(plain.content()).as("no thinking asked for, none shown").hasSize(1);
        assertThat(plain.content().get(0).asText().text()).isEqualTo("Hello there.");
        assertThat(fixture.lastChatBody().path("modelParams").path("reasoningEffort").asText()).isEqualTo("low");
    }

    @Test
    void thinkingBlocksSentBack_areSkipped_andTheConversationGoesOn() {
        fixture.server.defaultChat(Scenarios.reasoningThenReply("Weighing the question.", "Hello there."));
        MessageCreateParams.Builder params = MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(4096)
                .enabledThinking(2048).addUserMessage("Hi");
        Message first = anthropic.messages().create(params.build());

        Message second = anthropic.messages().create(params.addMessage(first).addUserMessage("And again?").build());

        assertThat(second.content()).hasSize(2);
        String transcript = fixture.lastChatBody().path("messages").toString();
        assertThat(transcript).contains("Hello there.").contains("And again?").doesNotContain("Weighing");
        assertThat(fixture.lastChatBody().path("modelParams").path("reasoningEffort").asText()).isEqualTo("low");
    }

    @Test
    void callsTheToolTheChoiceNames_andSaysWhenAStopSequenceCutTheAnswer() {
        playTheWeatherModel();

        Message forced = anthropic.messages().create(weatherQuestion().toolChoice(ToolChoice.ofTool(
                ToolChoiceTool.builder().name("get_weather").build())).build());

        assertThat(forced.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(fixture.lastChatBody().path("preferences").path("additionalInfo").asText())
                .contains("you must call the tool \"get_weather\"");

        fixture.server.defaultChat(Scenarios.reply("one, two, three, four"));
        Message cut = anthropic.messages().create(MessageCreateParams.builder().model("claude-sonnet-4-5")
                .maxTokens(100).addUserMessage("Count").addStopSequence(", three").build()).validate();

        assertThat(cut.stopReason()).contains(StopReason.STOP_SEQUENCE);
        assertThat(cut.stopSequence()).contains(", three");
        assertThat(cut.content().get(0).asText().text()).isEqualTo("one, two");

        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(MessageCreateParams
                .builder().model("claude-sonnet-4-5").maxTokens(100).addUserMessage("Count")
                .addStopSequence(", three").build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        assertThat(accumulator.message().stopReason()).contains(StopReason.STOP_SEQUENCE);
        assertThat(accumulator.message().content().get(0).asText().text()).isEqualTo("one, two");
    }

    @Test
    void countsTokens_estimated_moreWithTools() {
        MessageCountTokensParams plain = MessageCountTokensParams.builder().model("claude-sonnet-4-5")
                .addUserMessage("What is the weather in Paris?").build();
        long withoutTools = anthropic.messages().countTokens(plain).inputTokens();

        long withTools = anthropic.messages().countTokens(plain.toBuilder().addTool(weatherTool()).build()).inputTokens();

        assertThat(withoutTools).isPositive();
        assertThat(withTools).isGreaterThan(withoutTools);
        assertThat(fixture.server.requests("/api/chat")).as("counting sends nothing to t3.chat").isEmpty();
    }

    @Test
    void listsT3ChatsModels_inAnthropicsShape_andMapsAClaudeId() {
        List<ModelInfo> models = new ArrayList<>();
        anthropic.models().list().autoPager().forEach(models::add);

        assertThat(models).extracting(ModelInfo::id).contains("gemini-2.5-flash-lite", "claude-4-sonnet");
        models.forEach(ModelInfo::validate);

        ModelInfo mapped = anthropic.models().retrieve("claude-3-5-haiku-latest").validate();
        assertThat(mapped.id()).isEqualTo("claude-3-5-haiku-latest");
        assertThat(mapped.displayName()).contains("claude-4-sonnet");
    }
}
