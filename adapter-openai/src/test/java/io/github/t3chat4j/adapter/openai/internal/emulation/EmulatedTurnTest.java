package io.github.t3chat4j.adapter.openai.internal.emulation;

import static io.github.t3chat4j.adapter.openai.internal.emulation.PromptRendererTest.WEATHER;
import static io.github.t3chat4j.adapter.openai.internal.emulation.PromptRendererTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EmulatedTurnTest {

    private static final String PARIS = "<tool_call>{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}</tool_call>";
    private static final ToolDefinition TIME = new ToolDefinition("get_time", "", null);

    /** An upstream that answers each prompt with the next scripted reply, in pieces of three characters. */
    private static final class ScriptedUpstream implements Upstream {

        final Deque<String> replies = new ArrayDeque<>();
        final List<Prompt> prompts = new ArrayList<>();

        ScriptedUpstream(String... replies) {
            this.replies.addAll(List.of(replies));
        }

        @Override
        public Finish send(Prompt prompt, DeltaListener listener) {
            prompts.add(prompt);
            listener.onReasoning("thinking " + prompts.size() + ". ");
            String reply = replies.removeFirst();
            for (int i = 0; i < reply.length(); i += 3) {
                listener.onText(reply.substring(i, Math.min(reply.length(), i + 3)));
            }
            return Finish.STOP;
        }
    }

    /** What a listener heard, in order. */
    private static final class Heard implements DeltaListener {

        final StringBuilder text = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        final List<String> textPieces = new ArrayList<>();

        @Override
        public void onText(String delta) {
            text.append(delta);
            textPieces.add(delta);
        }

        @Override
        public void onReasoning(String delta) {
            reasoning.append(delta);
        }
    }

    private static Supplier<String> ids() {
        AtomicInteger next = new AtomicInteger();
        return () -> "call_" + next.incrementAndGet();
    }

    private static EmulatedTurn turn(ToolChoice choice, boolean parallel, OutputFormat format, ToolDefinition... tools) {
        return new EmulatedTurn(new EmulationRequest("", List.of(new Turn.User("Weather in Paris?")), List.of(tools),
                choice, parallel, format), ids());
    }

    @Test
    void streamsTheTextAround_andReturnsTheCheckedCall() {
        ScriptedUpstream upstream = new ScriptedUpstream("Let me check. " + PARIS);
        Heard heard = new Heard();

        TurnResult result = turn(ToolChoice.AUTO, true, OutputFormat.TEXT, WEATHER).run(upstream, heard);

        assertThat(heard.text.toString()).isEqualTo("Let me check. ");
        assertThat(heard.textPieces).hasSizeGreaterThan(1);
        assertThat(result.calls()).containsExactly(new ToolCall("call_1", "get_weather", json("{\"city\":\"Paris\"}")));
        assertThat(result.finish()).isEqualTo(Finish.TOOL_CALLS);
        assertThat(result.text()).isEqualTo("Let me check. ");
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(heard.reasoning.toString()).isEqualTo("thinking 1. ");
    }

    @Test
    void answersInText_whenTheModelCallsNothing() {
        TurnResult result = turn(ToolChoice.AUTO, true, OutputFormat.TEXT, WEATHER)
                .run(new ScriptedUpstream("It is sunny."), new Heard());

        assertThat(result.calls()).isEmpty();
        assertThat(result.text()).isEqualTo("It is sunny.");
        assertThat(result.finish()).isEqualTo(Finish.STOP);
    }

    @Test
    void asksOnceMore_whenTheModelCallsAnUnknownTool_thenTakesTheCorrectedCall() {
        ScriptedUpstream upstream = new ScriptedUpstream(
                "<tool_call>{\"name\":\"weather\",\"arguments\":{\"city\":\"Paris\"}}</tool_call>", PARIS);

        TurnResult result = turn(ToolChoice.AUTO, true, OutputFormat.TEXT, WEATHER).run(upstream, new Heard());

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.calls()).extracting(ToolCall::name).containsExactly("get_weather");
        Prompt retry = upstream.prompts.get(1);
        assertThat(retry.messages()).hasSize(3);
        assertThat(retry.messages().get(1)).isEqualTo(new Prompt.Message(Prompt.Speaker.ASSISTANT,
                "<tool_call>{\"name\":\"weather\",\"arguments\":{\"city\":\"Paris\"}}</tool_call>"));
        assertThat(retry.messages().get(2).text()).contains("there is no tool named \"weather\" (the tools are: get_weather)");
    }

    @Test
    void asksOnceMore_whenTheArgumentsDoNotMatchTheSchema_andFailsWhenTheyStillDoNot() {
        String wrong = "<tool_call>{\"name\":\"get_weather\",\"arguments\":{\"town\":\"Paris\"}}</tool_call>";
        ScriptedUpstream upstream = new ScriptedUpstream(wrong, wrong);

        assertThatThrownBy(() -> turn(ToolChoice.AUTO, true, OutputFormat.TEXT, WEATHER).run(upstream, new Heard()))
                .isInstanceOfSatisfying(EmulationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EmulationException.Kind.INVALID_TOOL_CALL);
                    assertThat(e.getMessage()).contains("after one corrective retry").contains("city");
                });
        assertThat(upstream.prompts).hasSize(2);
        assertThat(upstream.prompts.get(1).messages().get(2).text()).contains("do not match its parameters schema");
    }

    @Test
    void asksOnceMore_whenABlockIsMalformed() {
        ScriptedUpstream upstream = new ScriptedUpstream("<tool_call>{\"name\": get_weather}</tool_call>", PARIS);

        TurnResult result = turn(ToolChoice.AUTO, true, OutputFormat.TEXT, WEATHER).run(upstream, new Heard());

        assertThat(result.calls()).hasSize(1);
        assertThat(upstream.prompts.get(1).messages().get(2).text()).contains("could not be read");
    }

    @Test
    void asksForACall_whenOneIsRequired_orANamedToolMustBeCalled() {
        ScriptedUpstream required = new ScriptedUpstream("I'd rather not.", PARIS);
        assertThat(turn(ToolChoice.REQUIRED, true, OutputFormat.TEXT, WEATHER).run(required, new Heard()).calls())
                .hasSize(1);
        assertThat(required.prompts.get(1).messages().get(2).text()).contains("must call at least one tool");

        ScriptedUpstream named = new ScriptedUpstream("<tool_call>{\"name\":\"get_time\"}</tool_call>", PARIS);
        assertThat(turn(new ToolChoice.Named("get_weather"), true, OutputFormat.TEXT, WEATHER, TIME)
                .run(named, new Heard()).calls()).extracting(ToolCall::name).containsExactly("get_weather");
        assertThat(named.prompts.get(1).messages().get(2).text()).contains("not \"get_time\"");
    }

    @Test
    void keepsEveryCall_whenParallelCallsAreOn_andTheFirstOnly_whenOff() {
        String two = PARIS + "\n<tool_call>{\"name\":\"get_time\",\"arguments\":{}}</tool_call>";

        assertThat(turn(ToolChoice.AUTO, true, OutputFormat.TEXT, WEATHER, TIME).run(new ScriptedUpstream(two),
                new Heard()).calls()).extracting(ToolCall::id, ToolCall::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("call_1", "get_weather"),
                        org.assertj.core.groups.Tuple.tuple("call_2", "get_time"));
        assertThat(turn(ToolChoice.AUTO, false, OutputFormat.TEXT, WEATHER, TIME).run(new ScriptedUpstream(two),
                new Heard()).calls()).extracting(ToolCall::name).containsExactly("get_weather");
    }

    @Test
    void passesBlocksAsText_whenToolsAreNotOffered() {
        Heard heard = new Heard();

        TurnResult result = turn(ToolChoice.NONE, true, OutputFormat.TEXT, WEATHER).run(new ScriptedUpstream(PARIS), heard);

        assertThat(result.calls()).isEmpty();
        assertThat(heard.text.toString()).isEqualTo(PARIS);
    }

    @Test
    void givesStructuredOutputOnlyOnceChecked_asCleanJson() {
        OutputFormat format = new OutputFormat.JsonSchema("city", "", json(
                "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}"));
        Heard heard = new Heard();

        TurnResult result = turn(ToolChoice.AUTO, true, format).run(new ScriptedUpstream(
                "Sure!\n```json\n{\"name\": \"Paris\"}\n```"), heard);

        assertThat(heard.textPieces).containsExactly("{\"name\":\"Paris\"}");
        assertThat(result.text()).isEqualTo("{\"name\":\"Paris\"}");
    }

    @Test
    void asksOnceMore_forJsonThatMatches_andFailsWhenItStillDoesNot() {
        OutputFormat format = new OutputFormat.JsonSchema("city", "", json(
                "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}"));
        ScriptedUpstream fixed = new ScriptedUpstream("{\"town\": \"Paris\"}", "{\"name\": \"Paris\"}");

        TurnResult result = turn(ToolChoice.AUTO, true, format).run(fixed, new Heard());

        assertThat(result.text()).isEqualTo("{\"name\":\"Paris\"}");
        assertThat(fixed.prompts.get(1).messages().get(2).text()).contains("does not match the schema")
                .contains("only the corrected JSON");
        assertThatThrownBy(() -> turn(ToolChoice.AUTO, true, format).run(new ScriptedUpstream("no", "still no"),
                new Heard())).isInstanceOfSatisfying(EmulationException.class,
                        e -> assertThat(e.kind()).isEqualTo(EmulationException.Kind.INVALID_STRUCTURED_OUTPUT));
    }

    @Test
    void wantsAnObject_forJsonObjectFormat() {
        ScriptedUpstream upstream = new ScriptedUpstream("[1, 2]", "{\"n\": [1, 2]}");

        TurnResult result = turn(ToolChoice.AUTO, true, OutputFormat.JSON_OBJECT).run(upstream, new Heard());

        assertThat(result.text()).isEqualTo("{\"n\":[1,2]}");
        assertThat(result.attempts()).isEqualTo(2);
    }

    @Test
    void takesACall_insteadOfStructuredOutput_whenTheModelCallsATool() {
        OutputFormat format = new OutputFormat.JsonSchema("x", "", json("{\"type\":\"object\"}"));

        TurnResult result = turn(ToolChoice.AUTO, true, format, WEATHER).run(new ScriptedUpstream(PARIS), new Heard());

        assertThat(result.calls()).hasSize(1);
        assertThat(result.finish()).isEqualTo(Finish.TOOL_CALLS);
    }

    @Test
    void refusesABadSchema_beforeAnythingIsSent() {
        ToolDefinition broken = new ToolDefinition("x", "", json("{\"type\": 12}"));

        assertThatThrownBy(() -> turn(ToolChoice.AUTO, true, OutputFormat.TEXT, broken))
                .isInstanceOfSatisfying(EmulationException.class,
                        e -> assertThat(e.kind()).isEqualTo(EmulationException.Kind.BAD_REQUEST));
    }

    @Test
    void letsAnUpstreamFailureThroughUntouched() {
        IllegalStateException failure = new IllegalStateException("t3.chat is down");

        assertThatThrownBy(() -> turn(ToolChoice.AUTO, true, OutputFormat.TEXT, WEATHER).run((prompt, listener) -> {
            throw failure;
        }, new Heard())).isSameAs(failure);
    }
}
