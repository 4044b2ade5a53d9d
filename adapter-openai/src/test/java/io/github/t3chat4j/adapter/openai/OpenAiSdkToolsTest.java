package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.chat.completions.StructuredChatCompletion;
import io.github.t3chat4j.testkit.Scenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * openai-java against the gateway's Chat Completions with emulated tools and structured output, in front
 * of the fake t3.chat playing a model that follows the gateway's tool convention.
 */
class OpenAiSdkToolsTest {

    static final String FORECAST = "18°C and sunny";

    /** The tool, as openai-java derives it from a class: its name is the class's. */
    @JsonClassDescription("The current weather in a city")
    static class GetWeather {
        @JsonPropertyDescription("The city, such as Paris")
        public String city;
    }

    /** A structured answer. */
    static class CityFacts {
        public String name;
        public long population;
    }

    private final GatewayFixture fixture = GatewayFixture.start();
    private final OpenAIClient openai = fixture.sdk();

    @AfterEach
    void stop() {
        openai.close();
        fixture.close();
    }

    private static ChatCompletionCreateParams.Builder weatherQuestion() {
        return ChatCompletionCreateParams.builder().model("gemini-2.5-flash").addTool(GetWeather.class)
                .addUserMessage("What is the weather in Paris?");
    }

    private void playTheWeatherModel() {
        fixture.server.defaultChat(Scenarios.toolUser("GetWeather", "{\"city\": \"Paris\"}", "The weather in Paris: "));
    }

    @Test
    void runsAToolLoop_theModelAsks_theClientRunsIt_theModelAnswers() {
        playTheWeatherModel();

        ChatCompletion first = openai.chat().completions().create(weatherQuestion().build());

        ChatCompletion.Choice choice = first.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertThat(choice.message().content()).hasValue(Scenarios.TOOL_PREAMBLE);
        ChatCompletionMessageFunctionToolCall call = choice.message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.id()).startsWith("call_");
        assertThat(call.function().name()).isEqualTo("GetWeather");
        assertThat(call.function().arguments(GetWeather.class).city).isEqualTo("Paris");

        ChatCompletion second = openai.chat().completions().create(weatherQuestion()
                .addMessage(choice.message())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id()).content(FORECAST).build())
                .build());

        assertThat(second.choices().get(0).message().content()).hasValue("The weather in Paris: " + FORECAST);
        assertThat(second.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        JsonNode sent = fixture.lastChatBody().path("messages");
        assertThat(sent).hasSize(3);
        assertThat(sent.get(1).path("parts").get(0).path("text").asText())
                .contains("<tool_call>{\"name\":\"GetWeather\",\"arguments\":{\"city\":\"Paris\"}}</tool_call>");
        assertThat(sent.get(2).path("parts").get(0).path("text").asText())
                .isEqualTo("<tool_result name=\"GetWeather\" id=\"" + call.id() + "\">\n" + FORECAST + "\n</tool_result>");
        assertThat(fixture.lastChatBody().path("preferences").path("additionalInfo").asText())
                .contains("The current weather in a city");
    }

    @Test
    void streamsTheCallAsToolCallDeltas_afterTheText_withFinishReasonToolCalls() {
        playTheWeatherModel();
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<ChatCompletionChunk> chunks = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions()
                .createStreaming(weatherQuestion().build())) {
            stream.stream().forEach(chunk -> {
                chunks.add(chunk);
                accumulator.accumulate(chunk);
            });
        }

        ChatCompletionMessage message = accumulator.chatCompletion().choices().get(0).message();
        assertThat(message.content()).hasValue(Scenarios.TOOL_PREAMBLE);
        assertThat(message.toolCalls().orElseThrow()).singleElement().satisfies(call ->
                assertThat(call.asFunction().function().arguments(GetWeather.class).city).isEqualTo("Paris"));
        assertThat(chunks.get(chunks.size() - 1).choices().get(0).finishReason())
                .hasValue(ChatCompletionChunk.Choice.FinishReason.TOOL_CALLS);
        long textChunks = chunks.stream().filter(c -> !c.choices().isEmpty()
                && c.choices().get(0).delta().content().filter(s -> !s.isEmpty()).isPresent()).count();
        assertThat(textChunks).isGreaterThan(1);
    }

    @Test
    void asksTheModelOnceMore_whenItCallsAToolThatDoesNotExist() {
        fixture.server.enqueueChat(Scenarios.reply("<tool_call>{\"name\": \"weather\", \"arguments\": {}}</tool_call>"));
        fixture.server.enqueueChat(Scenarios.reply("<tool_call>{\"name\": \"GetWeather\", \"arguments\": {\"city\":"
                + " \"Paris\"}}</tool_call>"));

        ChatCompletion completion = openai.chat().completions().create(weatherQuestion().build());

        assertThat(completion.choices().get(0).message().toolCalls().orElseThrow()).hasSize(1);
        assertThat(fixture.server.requests("/api/chat")).hasSize(2);
        JsonNode retry = fixture.lastChatBody().path("messages");
        assertThat(retry.get(retry.size() - 1).path("parts").get(0).path("text").asText())
                .contains("there is no tool named \"weather\"");
    }

    @Test
    void answersAnUpstreamError_neverGarbage_whenTheCallIsStillInvalidAfterTheRetry() {
        String wrong = "<tool_call>{\"name\": \"GetWeather\", \"arguments\": {\"town\": \"Paris\"}}</tool_call>";
        fixture.server.enqueueChat(Scenarios.reply(wrong)).enqueueChat(Scenarios.reply(wrong));

        assertThatThrownBy(() -> openai.chat().completions().create(weatherQuestion().build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(502);
                    assertThat(e.code()).hasValue("invalid_tool_call");
                    assertThat(e.getMessage()).contains("city");
                });
        assertThat(fixture.server.requests("/api/chat")).hasSize(2);
    }

    @Test
    void insistsOnACall_whenTheToolChoiceRequiresOne() {
        fixture.server.enqueueChat(Scenarios.reply("It is probably sunny."));
        fixture.server.enqueueChat(Scenarios.reply("<tool_call>{\"name\": \"GetWeather\", \"arguments\": {\"city\":"
                + " \"Paris\"}}</tool_call>"));

        ChatCompletion completion = openai.chat().completions().create(weatherQuestion()
                .toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED).build());

        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertThat(fixture.server.requests("/api/chat")).hasSize(2);
        assertThat(GatewayFixture.json(fixture.server.requests("/api/chat").get(0)).path("preferences")
                .path("additionalInfo").asText()).contains("you must call at least one tool");
    }

    @Test
    void showsNoTools_whenTheToolChoiceIsNone() {
        fixture.server.enqueueChat(Scenarios.reply("No tools today."));

        ChatCompletion completion = openai.chat().completions().create(weatherQuestion()
                .toolChoice(ChatCompletionToolChoiceOption.Auto.NONE).build());

        assertThat(completion.choices().get(0).message().content()).hasValue("No tools today.");
        assertThat(fixture.lastChatBody().path("preferences").path("additionalInfo").asText()).doesNotContain("GetWeather");
    }

    @Test
    void givesStructuredOutput_asTheTypedObject_fromAReplyInACodeFence() {
        fixture.server.enqueueChat(Scenarios.reply("Here it is:\n```json\n{\"name\": \"Paris\", \"population\": 2102650}\n```"));

        StructuredChatCompletion<CityFacts> completion = openai.chat().completions().create(ChatCompletionCreateParams
                .builder().model("gemini-2.5-flash").addUserMessage("Facts about Paris").responseFormat(CityFacts.class)
                .build());

        CityFacts facts = completion.choices().get(0).message().content().orElseThrow();
        assertThat(facts.name).isEqualTo("Paris");
        assertThat(facts.population).isEqualTo(2_102_650L);
        assertThat(fixture.lastChatBody().path("preferences").path("additionalInfo").asText())
                .contains("# Answer format").contains("\"population\"");
    }

    @Test
    void correctsStructuredOutputOnce_andStreamsTheCheckedJson() {
        fixture.server.enqueueChat(Scenarios.reply("{\"name\": \"Paris\"}"));
        fixture.server.enqueueChat(Scenarios.reply("{\"name\": \"Paris\", \"population\": 3}"));
        StringBuilder content = new StringBuilder();

        try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("gemini-2.5-flash").addUserMessage("Facts about Paris")
                        .responseFormat(CityFacts.class).build().rawParams())) {
            stream.stream().flatMap(c -> c.choices().stream()).forEach(c -> c.delta().content().ifPresent(content::append));
        }

        assertThat(content.toString()).isEqualTo("{\"name\":\"Paris\",\"population\":3}");
        assertThat(fixture.server.requests("/api/chat")).hasSize(2);
    }

    @Test
    void answersJsonObjectFormat_withAnObject() {
        fixture.server.enqueueChat(Scenarios.reply("Sure: {\"ok\": true} — done."));

        ChatCompletion completion = openai.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gemini-2.5-flash").addUserMessage("Say ok in JSON")
                .responseFormat(com.openai.models.ResponseFormatJsonObject.builder().build()).build());

        assertThat(completion.choices().get(0).message().content()).hasValue("{\"ok\":true}");
    }

    @Test
    void refusesAToolSchemaThatIsNoSchema_beforeAskingT3Chat() {
        assertThatThrownBy(() -> openai.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gemini-2.5-flash").addUserMessage("hi")
                .addFunctionTool(com.openai.models.FunctionDefinition.builder().name("broken")
                        .parameters(com.openai.models.FunctionParameters.builder()
                                .putAdditionalProperty("type", com.openai.core.JsonValue.from(12)).build())
                        .build()).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.getMessage())
                        .contains("broken"));
        assertThat(fixture.server.requests("/api/chat")).isEmpty();
    }
}
