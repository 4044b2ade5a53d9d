package io.github.t3chat4j.adapter.openai.internal.emulation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers one {@link EmulationRequest} through an {@link Upstream}: renders the prompt, streams the
 * reply through a {@link ReplyParser}, checks what came back, and asks the model once more with a
 * correction when it is unusable.
 *
 * <p>What is checked: every call block names an offered tool (the named one, when the choice names
 * one) and its arguments match the tool's schema; a required call is there; a block is well-formed;
 * without calls, structured output is JSON ({@link JsonExtraction}) matching the schema (an object for
 * {@link OutputFormat.JsonObject}). When parallel calls are off, only the first call is kept. When
 * anything is wrong, the model gets its reply back with the problems and is asked for the corrected
 * calls (or JSON) alone; if that is wrong too, {@link EmulationException} says why, with the kind of
 * the failure.
 *
 * <p>Streaming: text outside blocks goes to the listener as it arrives (with free text; with structured
 * output the text is held until the JSON is checked, then given as one piece); reasoning goes as it
 * arrives; calls are in the {@link TurnResult}, known only once the reply has ended. Text of both
 * attempts reaches the listener. The schemas are compiled by the constructor, so a bad one fails before
 * anything is sent. One run per instance.
 */
public final class EmulatedTurn {

    private final EmulationRequest request;
    private final Supplier<String> callIds;
    private final Map<String, SchemaCheck> toolChecks = new LinkedHashMap<>();
    private final SchemaCheck formatCheck;
    private final Prompt prompt;

    /**
     * @param callIds makes the id of each call the model makes (the wire format's style)
     * @throws EmulationException (bad request) when a schema cannot be used
     */
    public EmulatedTurn(EmulationRequest request, Supplier<String> callIds) {
        this.request = requireNonNull(request, "request == null");
        this.callIds = requireNonNull(callIds, "callIds == null");
        for (ToolDefinition tool : request.tools()) {
            toolChecks.put(tool.name(), SchemaCheck.compile(tool.parameters(),
                    "the parameters schema of tool '" + tool.name() + "'",
                    EmulationException.Subject.TOOLS));
        }
        formatCheck = request.format() instanceof OutputFormat.JsonSchema schema
                ? SchemaCheck.compile(schema.schema(), "the response format's schema",
                EmulationException.Subject.FORMAT) : null;
        this.prompt = PromptRenderer.render(request);
    }

    /** The prompt of the first attempt (what t3.chat is sent; for estimating usage). */
    public Prompt prompt() {
        return prompt;
    }

    /**
     * Runs the turn: one upstream reply, or two when the first needed a correction.
     *
     * @throws EmulationException when the reply is still unusable after the correction
     */
    public TurnResult run(Upstream upstream, DeltaListener listener) {
        Attempt first = attempt(prompt, upstream, listener);
        Verdict verdict = check(first);
        Attempt used = first;
        int attempts = 1;
        if (!verdict.problems.isEmpty()) {
            Attempt second = attempt(prompt.correctedBy(first.raw.toString(), correction(verdict)), upstream, listener);
            attempts = 2;
            Verdict again = check(second);
            if (!again.problems.isEmpty()) {
                throw new EmulationException(again.kind, (again.kind == EmulationException.Kind.INVALID_TOOL_CALL
                        ? "The model's tool call was unusable, also after one corrective retry: "
                        : "The model's answer did not match the response format, also after one corrective retry: ")
                        + String.join("; ", again.problems));
            }
            verdict = again;
            used = second;
        }
        String reasoning = first.reasoning.toString() + (used == first ? "" : used.reasoning.toString());
        if (!verdict.calls.isEmpty()) {
            String text = first.visible.toString() + (used == first ? "" : used.visible.toString());
            return new TurnResult(structured() ? "" : text, reasoning, verdict.calls, Finish.TOOL_CALLS, attempts);
        }
        if (structured()) {
            String json = PromptRenderer.write(verdict.json);
            listener.onText(json);
            return new TurnResult(json, reasoning, List.of(), used.finish, attempts);
        }
        String text = first.visible.toString() + (used == first ? "" : used.visible.toString());
        return new TurnResult(text, reasoning, List.of(), used.finish, attempts);
    }

    private boolean structured() {
        return !(request.format() instanceof OutputFormat.Text);
    }

    private Attempt attempt(Prompt sent, Upstream upstream, DeltaListener listener) {
        Attempt attempt = new Attempt(request.toolsOffered() ? ReplyParser.forCalls() : ReplyParser.textOnly());
        boolean forwardText = !structured();
        attempt.finish = upstream.send(sent, new DeltaListener() {
            @Override
            public void onText(String delta) {
                attempt.raw.append(delta);
                attempt.take(attempt.parser.feed(delta), forwardText ? listener : DeltaListener.NONE);
            }

            @Override
            public void onReasoning(String delta) {
                attempt.reasoning.append(delta);
                listener.onReasoning(delta);
            }
        });
        attempt.take(attempt.parser.finish(), forwardText ? listener : DeltaListener.NONE);
        return attempt;
    }

    private Verdict check(Attempt attempt) {
        Verdict verdict = new Verdict();
        for (ReplyPart part : attempt.parts) {
            if (part instanceof ReplyPart.Malformed malformed) {
                verdict.problems.add("a <tool_call> block could not be read: " + malformed.problem());
            } else if (part instanceof ReplyPart.Call call) {
                checkCall(call, verdict);
            }
        }
        if (!verdict.problems.isEmpty()) {
            verdict.calls.clear();
            return verdict;
        }
        if (verdict.calls.isEmpty() && request.toolsOffered()) {
            if (request.choice() instanceof ToolChoice.Required) {
                verdict.problems.add("you must call at least one tool in this reply, and you called none");
                return verdict;
            }
            if (request.choice() instanceof ToolChoice.Named named) {
                verdict.problems.add("you must call the tool \"" + named.name() + "\" in this reply, and you called"
                        + " none");
                return verdict;
            }
        }
        if (!request.parallelCalls() && verdict.calls.size() > 1) {
            ToolCall kept = verdict.calls.get(0);
            verdict.calls.clear();
            verdict.calls.add(kept);
        }
        if (verdict.calls.isEmpty() && structured()) {
            checkJson(attempt.visible.toString(), verdict);
        }
        return verdict;
    }

    private void checkCall(ReplyPart.Call call, Verdict verdict) {
        SchemaCheck schema = request.toolsOffered() ? toolChecks.get(call.name()) : null;
        if (schema == null) {
            verdict.problems.add("there is no tool named \"" + ToolDefinition.shown(call.name()) + "\" (the tools are: "
                    + String.join(", ", toolChecks.keySet()) + ")");
            return;
        }
        if (request.choice() instanceof ToolChoice.Named named && !named.name().equals(call.name())) {
            verdict.problems.add("you must call the tool \"" + named.name() + "\", not \"" + call.name() + "\"");
            return;
        }
        List<String> problems = schema.problems(call.arguments());
        if (!problems.isEmpty()) {
            verdict.problems.add("the arguments of \"" + call.name() + "\" do not match its parameters schema ("
                    + String.join("; ", problems) + ")");
            return;
        }
        verdict.calls.add(new ToolCall(callIds.get(), call.name(), call.arguments()));
    }

    private void checkJson(String text, Verdict verdict) {
        verdict.kind = EmulationException.Kind.INVALID_STRUCTURED_OUTPUT;
        Optional<JsonNode> json = JsonExtraction.extract(text);
        if (json.isEmpty()) {
            verdict.problems.add(text.isBlank() ? "the answer is empty, not JSON" : "the answer is not JSON");
            return;
        }
        if (request.format() instanceof OutputFormat.JsonObject && !json.get().isObject()) {
            verdict.problems.add("the answer must be a JSON object");
            return;
        }
        if (formatCheck != null) {
            List<String> problems = formatCheck.problems(json.get());
            if (!problems.isEmpty()) {
                verdict.problems.add("the answer does not match the schema (" + String.join("; ", problems) + ")");
                return;
            }
        }
        verdict.json = json.get();
    }

    private String correction(Verdict verdict) {
        String problems = String.join("; ", verdict.problems);
        if (verdict.kind == EmulationException.Kind.INVALID_STRUCTURED_OUTPUT) {
            return "Your answer could not be used: " + problems + ". Reply again with only the corrected JSON, and"
                    + " nothing else.";
        }
        return "Your reply could not be used: " + problems + ". Write your tool calls again, corrected, as "
                + ReplyParser.OPEN + "…" + ReplyParser.CLOSE + " blocks (one per call) and nothing else"
                + (request.choice() instanceof ToolChoice.Auto ? "; or, if no tool is needed, answer in text." : ".");
    }

    /** One upstream reply as it was parsed. */
    private static final class Attempt {

        final ReplyParser parser;
        final StringBuilder raw = new StringBuilder();
        final StringBuilder visible = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        final List<ReplyPart> parts = new ArrayList<>();
        Finish finish = Finish.STOP;

        Attempt(ReplyParser parser) {
            this.parser = parser;
        }

        void take(List<ReplyPart> more, DeltaListener listener) {
            for (ReplyPart part : more) {
                parts.add(part);
                if (part instanceof ReplyPart.Text text) {
                    visible.append(text.text());
                    listener.onText(text.text());
                }
            }
        }
    }

    /** What is wrong with an attempt, or the calls and JSON it holds. */
    private static final class Verdict {

        final List<String> problems = new ArrayList<>();
        final List<ToolCall> calls = new ArrayList<>();
        EmulationException.Kind kind = EmulationException.Kind.INVALID_TOOL_CALL;
        JsonNode json;
    }
}
