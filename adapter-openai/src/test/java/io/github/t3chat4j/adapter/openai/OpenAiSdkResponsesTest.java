package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.Reasoning;
import com.openai.models.ReasoningEffort;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseOutputText;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.StructuredResponse;
import io.github.t3chat4j.testkit.Scenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** openai-java against the gateway's Responses API, in front of the fake t3.chat. */
class OpenAiSdkResponsesTest {

    private final GatewayFixture fixture = GatewayFixture.start();
    private final OpenAIClient openai = fixture.sdk();

    @AfterEach
    void stop() {
        openai.close();
        fixture.close();
    }

    private static String text(Response response) {
        StringBuilder text = new StringBuilder();
        for (ResponseOutputItem item : response.output()) {
            item.message().ifPresent(m -> m.content().forEach(c -> c.outputText().map(ResponseOutputText::text)
                    .ifPresent(text::append)));
        }
        return text.toString();
    }

    private static List<ResponseFunctionToolCall> calls(Response response) {
        return response.output().stream().filter(ResponseOutputItem::isFunctionCall)
                .map(ResponseOutputItem::asFunctionCall).toList();
    }

    @Test
    void answersAStringInput_withTheInstructionsAsTheSystemPrompt() {
        Response response = openai.responses().create(ResponseCreateParams.builder().model("gemini-2.5-flash")
                .instructions("Answer like a pirate.").input("hello there").build());

        assertThat(response.id()).startsWith("resp_");
        assertThat(text(response)).isEqualTo("Echo(1): hello there");
        assertThat(response.status()).hasValue(com.openai.models.responses.ResponseStatus.COMPLETED);
        assertThat(response.usage()).hasValueSatisfying(u -> assertThat(u.outputTokens()).isPositive());
        assertThat(fixture.lastChatBody().path("preferences").path("additionalInfo").asText())
                .isEqualTo("Answer like a pirate.");
    }

    @Test
    void continuesAResponse_byItsPreviousResponseId_andReadsItBack() {
        Response first = openai.responses().create(ResponseCreateParams.builder().model("gemini-2.5-flash")
                .input("first question").build());

        Response second = openai.responses().create(ResponseCreateParams.builder().model("gemini-2.5-flash")
                .previousResponseId(first.id()).input("second question").build());

        assertThat(text(second)).isEqualTo("Echo(3): second question");
        JsonNode messages = fixture.lastChatBody().path("messages");
        assertThat(messages.get(1).path("parts").get(0).path("text").asText()).isEqualTo("Echo(1): first question");
        assertThat(text(openai.responses().retrieve(second.id()))).isEqualTo("Echo(3): second question");
    }

    @Test
    void refusesAnUnknownPreviousResponse_andAnUnknownId() {
        assertThatThrownBy(() -> openai.responses().create(ResponseCreateParams.builder().model("gemini-2.5-flash")
                .previousResponseId("resp_nope").input("hi").build()))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.code()).hasValue("previous_response_not_found"));
        assertThatThrownBy(() -> openai.responses().retrieve("resp_nope")).isInstanceOf(NotFoundException.class);
        assertThat(fixture.server.requests("/api/chat")).isEmpty();
    }

    @Test
    void runsAFunctionToolLoop_withFunctionCallOutput() {
        fixture.server.defaultChat(Scenarios.toolUser("GetWeather", "{\"city\": \"Paris\"}", "In Paris: "));

        Response first = openai.responses().create(ResponseCreateParams.builder().model("gemini-2.5-flash")
                .addTool(OpenAiSdkToolsTest.GetWeather.class).input("Weather in Paris?").build());

        ResponseFunctionToolCall call = calls(first).get(0);
        assertThat(call.name()).isEqualTo("GetWeather");
        assertThat(call.arguments(OpenAiSdkToolsTest.GetWeather.class).city).isEqualTo("Paris");
        assertThat(text(first)).isEqualTo(Scenarios.TOOL_PREAMBLE);

        Response second = openai.responses().create(ResponseCreateParams.builder().model("gemini-2.5-flash")
                .addTool(OpenAiSdkToolsTest.GetWeather.class).previousResponseId(first.id())
                .inputOfResponse(List.of(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput
                        .builder().callId(call.callId()).output(OpenAiSdkToolsTest.FORECAST).build())))
                .build());

        assertThat(calls(second)).isEmpty();
        assertThat(text(second)).isEqualTo("In Paris: " + OpenAiSdkToolsTest.FORECAST);
    }

    @Test
    void runsTheSameLoop_withTheWholeConversationAsItems_andNoStoredState() {
        fixture.server.defaultChat(Scenarios.toolUser("GetWeather", "{\"city\": \"Paris\"}", "In Paris: "));
        ResponseCreateParams.Builder ask = ResponseCreateParams.builder().model("gemini-2.5-flash").store(false)
                .addTool(OpenAiSdkToolsTest.GetWeather.class);
        Response first = openai.responses().create(ask.input("Weather in Paris?").build());
        ResponseFunctionToolCall call = calls(first).get(0);

        Response second = openai.responses().create(ask.inputOfResponse(List.of(
                ResponseInputItem.ofEasyInputMessage(com.openai.models.responses.EasyInputMessage.builder()
                        .role(com.openai.models.responses.EasyInputMessage.Role.USER).content("Weather in Paris?").build()),
                ResponseInputItem.ofFunctionCall(call),
                ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                        .callId(call.callId()).output("rain").build()))).build());

        assertThat(text(second)).isEqualTo("In Paris: rain");
        assertThatThrownBy(() -> openai.responses().retrieve(first.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void streamsTextAndReasoning_asEventsAnAccumulatorRebuilds() {
        fixture.server.enqueueChat(Scenarios.reasoning());
        ResponseAccumulator accumulator = ResponseAccumulator.create();
        List<ResponseStreamEvent> events = new ArrayList<>();

        try (StreamResponse<ResponseStreamEvent> stream = openai.responses().createStreaming(ResponseCreateParams
                .builder().model("claude-4-sonnet").reasoning(Reasoning.builder().effort(ReasoningEffort.HIGH).build())
                .input("hello").build())) {
            stream.stream().forEach(event -> events.add(accumulator.accumulate(event)));
        }

        Response response = accumulator.response();
        assertThat(text(response)).isEqualTo(Scenarios.REASONING_ANSWER);
        assertThat(response.output().get(0).reasoning()).hasValueSatisfying(reasoning ->
                assertThat(reasoning.summary().get(0).text()).isEqualTo(Scenarios.REASONING_TEXT));
        assertThat(events.get(0).isCreated()).isTrue();
        assertThat(events.get(events.size() - 1).isCompleted()).isTrue();
        assertThat(events.stream().filter(ResponseStreamEvent::isReasoningSummaryTextDelta).count()).isGreaterThan(1);
        assertThat(events.stream().filter(ResponseStreamEvent::isOutputTextDelta).count()).isGreaterThan(1);
        assertThat(fixture.lastChatBody().path("modelParams").path("reasoningEffort").asText()).isEqualTo("high");
    }

    @Test
    void streamsAFunctionCall_withArgumentDeltas() {
        fixture.server.defaultChat(Scenarios.toolUser("GetWeather", "{\"city\": \"Paris\"}", "In Paris: "));
        ResponseAccumulator accumulator = ResponseAccumulator.create();
        List<ResponseStreamEvent> events = new ArrayList<>();

        try (StreamResponse<ResponseStreamEvent> stream = openai.responses().createStreaming(ResponseCreateParams
                .builder().model("gemini-2.5-flash").addTool(OpenAiSdkToolsTest.GetWeather.class)
                .input("Weather in Paris?").build())) {
            stream.stream().forEach(event -> events.add(accumulator.accumulate(event)));
        }

        assertThat(calls(accumulator.response())).singleElement().satisfies(call ->
                assertThat(call.arguments(OpenAiSdkToolsTest.GetWeather.class).city).isEqualTo("Paris"));
        assertThat(events.stream().filter(ResponseStreamEvent::isFunctionCallArgumentsDelta)).isNotEmpty();
        assertThat(events.stream().filter(ResponseStreamEvent::isFunctionCallArgumentsDone)).hasSize(1);
    }

    @Test
    void givesStructuredOutput_forTextFormat() {
        fixture.server.enqueueChat(Scenarios.reply("{\"name\": \"Oslo\", \"population\": 709037}"));

        StructuredResponse<OpenAiSdkToolsTest.CityFacts> response = openai.responses().create(ResponseCreateParams
                .builder().model("gemini-2.5-flash").input("Facts about Oslo").text(OpenAiSdkToolsTest.CityFacts.class)
                .build());

        OpenAiSdkToolsTest.CityFacts facts = response.output().stream().flatMap(item -> item.message().stream())
                .flatMap(message -> message.content().stream()).flatMap(content -> content.outputText().stream())
                .findFirst().orElseThrow();
        assertThat(facts.name).isEqualTo("Oslo");
        assertThat(facts.population).isEqualTo(709_037L);
    }

    @Test
    void passesARateLimitStraightThrough_evenWhenStreaming() {
        fixture.server.enqueueChat(Scenarios.rateLimited(9));

        assertThatThrownBy(() -> {
            try (StreamResponse<ResponseStreamEvent> stream = openai.responses().createStreaming(ResponseCreateParams
                    .builder().model("gemini-2.5-flash").input("hi").build())) {
                stream.stream().forEach(event -> { });
            }
        }).isInstanceOfSatisfying(com.openai.errors.RateLimitException.class,
                e -> assertThat(e.headers().values("Retry-After")).containsExactly("9"));
        assertThat(fixture.server.requests("/api/chat")).hasSize(1);
    }
}
