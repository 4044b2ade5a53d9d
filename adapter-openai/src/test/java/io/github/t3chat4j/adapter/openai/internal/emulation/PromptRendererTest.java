package io.github.t3chat4j.adapter.openai.internal.emulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "The weather in a city.",
            json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"));

    private static EmulationRequest request(List<Turn> turns, ToolChoice choice, boolean parallel, OutputFormat format) {
        return new EmulationRequest("Be brief.", turns, List.of(WEATHER), choice, parallel, format);
    }

    @Test
    void putsTheToolsAndTheBlockFormatIntoTheSystemText_afterTheClientsInstructions() {
        Prompt prompt = PromptRenderer.render(request(List.of(new Turn.User("Weather in Paris?")), ToolChoice.AUTO, true,
                OutputFormat.TEXT));

        assertThat(prompt.system()).startsWith("Be brief.\n\n# Tools")
                .contains("<tool_call>{\"name\": \"<tool name>\", \"arguments\": {<arguments>}}</tool_call>")
                .contains("{\"name\":\"get_weather\",\"description\":\"The weather in a city.\",\"parameters\":{")
                .contains("several tools at once")
                .contains("only when it helps");
        assertThat(prompt.messages()).containsExactly(new Prompt.Message(Prompt.Speaker.USER, "Weather in Paris?"));
    }

    @Test
    void saysWhatTheToolChoiceAndParallelCallsRequire() {
        List<Turn> turns = List.of(new Turn.User("hi"));

        assertThat(PromptRenderer.render(request(turns, ToolChoice.REQUIRED, false, OutputFormat.TEXT)).system())
                .contains("must call at least one tool").contains("at most one tool");
        assertThat(PromptRenderer.render(request(turns, new ToolChoice.Named("get_weather"), true, OutputFormat.TEXT))
                .system()).contains("must call the tool \"get_weather\"");
        assertThat(PromptRenderer.render(request(turns, ToolChoice.NONE, true, OutputFormat.TEXT)).system())
                .isEqualTo("Be brief.");
    }

    @Test
    void writesEarlierCallsAsBlocks_andResultsAsUserMessages_joiningConsecutiveOnes() {
        List<Turn> turns = List.of(
                new Turn.User("Weather in Paris and Oslo?"),
                new Turn.Assistant("Let me check.", List.of(
                        new ToolCall("call_1", "get_weather", json("{\"city\":\"Paris\"}")),
                        new ToolCall("call_2", "get_weather", json("{\"city\":\"Oslo\"}")))),
                new Turn.ToolResult("call_1", null, "18°C", false),
                new Turn.ToolResult("call_2", "get_weather", "no \"data\"", true));

        List<Prompt.Message> messages = PromptRenderer.render(request(turns, ToolChoice.AUTO, true, OutputFormat.TEXT))
                .messages();

        assertThat(messages).extracting(Prompt.Message::speaker)
                .containsExactly(Prompt.Speaker.USER, Prompt.Speaker.ASSISTANT, Prompt.Speaker.USER);
        assertThat(messages.get(1).text()).isEqualTo("Let me check.\n"
                + "<tool_call>{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}</tool_call>\n"
                + "<tool_call>{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Oslo\"}}</tool_call>");
        assertThat(messages.get(2).text()).isEqualTo("<tool_result name=\"get_weather\" id=\"call_1\">\n18°C\n</tool_result>"
                + "\n\n<tool_result name=\"get_weather\" id=\"call_2\" error=\"true\">\nno \"data\"\n</tool_result>");
    }

    @Test
    void whatTheParserReads_isWhatTheRendererWrites() {
        ToolCall call = new ToolCall("call_1", "get_weather", json("{\"city\":\"Paris \\\"</tool_call>\\\"\"}"));
        String written = PromptRenderer.assistantText(new Turn.Assistant("", List.of(call)));

        List<ReplyPart> parts = ReplyParser.forCalls().feed(written);

        assertThat(parts).singleElement().isInstanceOfSatisfying(ReplyPart.Call.class,
                parsed -> assertThat(parsed.arguments()).isEqualTo(call.arguments()));
    }

    @Test
    void explainsTheToolHistory_whenNoToolIsOfferedNow() {
        List<Turn> turns = List.of(new Turn.User("go"),
                new Turn.Assistant("", List.of(new ToolCall("c1", "get_weather", json("{}")))),
                new Turn.ToolResult("c1", null, "sunny", false));

        String system = PromptRenderer.render(new EmulationRequest("", turns, List.of(), ToolChoice.AUTO, true,
                OutputFormat.TEXT)).system();

        assertThat(system).contains("No tool can be called now");
    }

    @Test
    void asksForJsonMatchingTheSchema() {
        OutputFormat format = new OutputFormat.JsonSchema("person", "A person.", json("{\"type\":\"object\"}"));

        String system = PromptRenderer.render(new EmulationRequest("", List.of(new Turn.User("hi")), List.of(),
                ToolChoice.AUTO, true, format)).system();

        assertThat(system).startsWith("# Answer format").contains("named \"person\"").contains("A person.")
                .contains("{\"type\":\"object\"}");
        assertThat(PromptRenderer.render(new EmulationRequest("", List.of(new Turn.User("hi")), List.of(),
                ToolChoice.AUTO, true, OutputFormat.JSON_OBJECT)).system()).contains("one JSON object");
    }

    @Test
    void refusesRequestsThatCannotBeAnswered() {
        List<Turn> hi = List.of(new Turn.User("hi"));
        assertThatThrownBy(() -> new EmulationRequest("", hi, List.of(WEATHER, WEATHER), ToolChoice.AUTO, true,
                OutputFormat.TEXT)).hasMessageContaining("Two tools");
        assertThatThrownBy(() -> new EmulationRequest("", hi, List.of(WEATHER), new ToolChoice.Named("nope"), true,
                OutputFormat.TEXT)).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> new EmulationRequest("", hi, List.of(), ToolChoice.REQUIRED, true, OutputFormat.TEXT))
                .hasMessageContaining("no tool is offered");
        assertThatThrownBy(() -> new EmulationRequest("", List.of(new Turn.Assistant("x", List.of())), List.of(),
                ToolChoice.AUTO, true, OutputFormat.TEXT)).hasMessageContaining("must end");
        assertThatThrownBy(() -> new ToolDefinition("bad name", "", null)).hasMessageContaining("tool name");
    }
}
