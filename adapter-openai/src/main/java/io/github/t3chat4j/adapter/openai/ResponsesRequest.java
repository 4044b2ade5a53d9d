package io.github.t3chat4j.adapter.openai;

import static io.github.t3chat4j.adapter.openai.ApiErrorException.badRequest;
import static io.github.t3chat4j.adapter.openai.RequestFields.optionalBoolean;
import static io.github.t3chat4j.adapter.openai.RequestFields.optionalString;
import static io.github.t3chat4j.adapter.openai.RequestFields.requiredString;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.t3chat4j.adapter.openai.internal.emulation.EmulationException;
import io.github.t3chat4j.adapter.openai.internal.emulation.OutputFormat;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolCall;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolChoice;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolDefinition;
import io.github.t3chat4j.adapter.openai.internal.emulation.Turn;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@code POST /v1/responses} body, checked: the model; {@code input} (a string, or items: messages
 * with text parts, {@code function_call}s and their {@code function_call_output}s; earlier
 * {@code reasoning} items are skipped); {@code instructions} (with system and developer messages of
 * the input after them); {@code previous_response_id}; function {@code tools} (a {@code web_search}
 * tool turns t3.chat's search on instead); {@code tool_choice}; {@code parallel_tool_calls};
 * {@code text.format}; {@code reasoning.effort}; {@code stream}; {@code store}; {@code metadata}.
 * Sampling and length settings are accepted and ignored; what would change the answer's shape
 * (background runs, conversations, prompt templates, images and files, other tools) is a 400 naming it.
 */
record ResponsesRequest(String model, String instructions, List<Turn> input, String previousResponseId,
        List<ToolDefinition> tools, ToolChoice choice, boolean parallelCalls, OutputFormat format, boolean stream,
        ReasoningEffort effort, boolean search, boolean store, JsonNode body) {

    private static final Set<String> REFUSED = Set.of("background", "conversation", "prompt");

    /**
     * Reads {@code body}; an {@code item_reference} in the input is looked up with {@code items} (the
     * output items of the responses this gateway keeps).
     */
    static ResponsesRequest parse(JsonNode body, Function<String, Optional<JsonNode>> items) {
        String model = requiredString(body, "model");
        for (String field : REFUSED) {
            JsonNode value = body.path(field);
            if (!value.isMissingNode() && !value.isNull() && !(value.isBoolean() && !value.asBoolean())) {
                throw badRequest(field, field + " is not supported by the gateway (t3.chat has no equivalent).");
            }
        }
        boolean stream = optionalBoolean(body, "stream", "stream", false);
        boolean store = optionalBoolean(body, "store", "store", true);
        RequestFields.optionalInt(body, "max_output_tokens", 1);
        String previous = optionalString(body, "previous_response_id", "previous_response_id");
        List<String> instructions = new ArrayList<>();
        String given = optionalString(body, "instructions", "instructions");
        if (given != null && !given.isBlank()) {
            instructions.add(given);
        }
        List<Turn> input = input(body.path("input"), instructions, items);
        boolean search = false;
        List<ToolDefinition> tools = new ArrayList<>();
        JsonNode list = body.path("tools");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            throw badRequest("tools", "tools must be an array.");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode tool = list.get(i);
            String type = tool.path("type").asText("");
            String at = "tools[" + i + "]";
            if (type.equals("function")) {
                tools.add(function(tool, "", at));
            } else if (type.equals("namespace") && tool.path("tools").isArray()) {
                String namespace = tool.path("name").asText("");
                JsonNode members = tool.path("tools");
                for (int j = 0; j < members.size(); j++) {
                    if (!members.get(j).path("type").asText("").equals("function")) {
                        throw badRequest(at + ".tools[" + j + "].type", "A namespace may hold function tools only.");
                    }
                    tools.add(function(members.get(j), namespace, at + ".tools[" + j + "]"));
                }
            } else if (type.startsWith("web_search")) {
                search = true;
            } else {
                throw badRequest(at + ".type", "Tools of type '" + type + "' are not supported: the gateway emulates"
                        + " function tools (also in namespaces), and turns web_search into t3.chat's search.");
            }
        }
        ToolChoice choice = RequestFields.toolChoice(body.path("tool_choice"), "tool_choice");
        boolean parallel = optionalBoolean(body, "parallel_tool_calls", "parallel_tool_calls", true);
        OutputFormat format = format(body.path("text").path("format"));
        ReasoningEffort effort = RequestFields.reasoningEffort(body.path("reasoning").path("effort"), "reasoning.effort");
        return new ResponsesRequest(model, String.join("\n\n", instructions), input, previous, tools, choice, parallel,
                format, stream, effort, search, store, body);
    }

    /**
     * A function tool; one in a namespace is offered to the model as {@code <namespace>.<name>}, and
     * its calls go back with the two apart ({@link #split}).
     */
    private static ToolDefinition function(JsonNode tool, String namespace, String at) {
        String name = tool.path("name").asText(null);
        return RequestFields.tool(name == null || namespace.isEmpty() ? name : namespace + "." + name,
                tool.path("description").asText(""), tool.get("parameters"), at);
    }

    /** A tool name the model used, as the namespace (empty when none) and the name in it. */
    static String[] split(String name, Set<String> namespaces) {
        int dot = name.indexOf('.');
        if (dot > 0 && namespaces.contains(name.substring(0, dot))) {
            return new String[] {name.substring(0, dot), name.substring(dot + 1)};
        }
        return new String[] {"", name};
    }

    /** The names of the namespaces among the request's tools. */
    Set<String> namespaces() {
        Set<String> names = new java.util.HashSet<>();
        for (JsonNode tool : body.path("tools")) {
            if (tool.path("type").asText("").equals("namespace")) {
                names.add(tool.path("name").asText(""));
            }
        }
        return names;
    }

    /** The request field an emulation refusal is about. */
    static String param(EmulationException.Subject subject) {
        return switch (subject) {
            case TOOLS -> "tools";
            case TOOL_CHOICE -> "tool_choice";
            case TURNS -> "input";
            case FORMAT -> "text.format";
            case NONE -> null;
        };
    }

    private static OutputFormat format(JsonNode format) {
        if (format.isMissingNode() || format.isNull()) {
            return OutputFormat.TEXT;
        }
        return switch (format.path("type").asText("")) {
            case "text" -> OutputFormat.TEXT;
            case "json_object" -> OutputFormat.JSON_OBJECT;
            case "json_schema" -> RequestFields.jsonSchema(format, "text.format");
            default -> throw badRequest("text.format.type", "text.format.type must be text, json_object or"
                    + " json_schema, got '" + format.path("type").asText() + "'.");
        };
    }

    /** The turns of {@code input}; its system and developer messages go to {@code instructions}. */
    private static List<Turn> input(JsonNode input, List<String> instructions,
            Function<String, Optional<JsonNode>> items) {
        if (input.isTextual()) {
            if (input.asText().isBlank()) {
                throw badRequest("input", "input is empty.");
            }
            return List.of(new Turn.User(input.asText()));
        }
        if (!input.isArray() || input.isEmpty()) {
            throw badRequest("input", "input must be a string or a non-empty array of items.");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String at = "input[" + i + "]";
            if (!item.isObject()) {
                throw badRequest(at, at + " must be an object.");
            }
            if (item.path("type").asText("").equals("item_reference")) {
                String id = item.path("id").asText("");
                item = items.apply(id).orElseThrow(() -> badRequest(at + ".id", "No item with id '" + RequestFields.shown(id)
                        + "' is kept by this gateway: reference the output items of its stored responses, or send the"
                        + " item itself."));
            }
            String type = item.path("type").asText(item.has("role") ? "message" : "");
            switch (type) {
                case "message" -> message(item, at, turns, instructions);
                case "item_reference" -> throw badRequest(at, at + " refers to another reference.");
                case "function_call" -> {
                    String callId = item.path("call_id").asText("");
                    String namespace = item.path("namespace").asText("");
                    String name = namespace.isEmpty() ? item.path("name").asText("")
                            : namespace + "." + item.path("name").asText("");
                    if (callId.isBlank() || item.path("name").asText("").isBlank()) {
                        throw badRequest(at, at + " is a function_call without call_id or name.");
                    }
                    ToolCall call = new ToolCall(callId, name, RequestFields.arguments(item.path("arguments"),
                            at + ".arguments"));
                    int last = turns.size() - 1;
                    if (last >= 0 && turns.get(last) instanceof Turn.Assistant assistant) {
                        List<ToolCall> calls = new ArrayList<>(assistant.calls());
                        calls.add(call);
                        turns.set(last, new Turn.Assistant(assistant.text(), calls));
                    } else {
                        turns.add(new Turn.Assistant("", List.of(call)));
                    }
                }
                case "function_call_output" -> {
                    String callId = item.path("call_id").asText("");
                    if (callId.isBlank()) {
                        throw badRequest(at + ".call_id", at + " is a function_call_output without call_id.");
                    }
                    turns.add(new Turn.ToolResult(callId, null, text(item.path("output"), at + ".output"), false));
                }
                case "reasoning" -> {
                    // The model's earlier reasoning: t3.chat cannot take it back, and the answer stands without it.
                }
                default -> throw badRequest(at + ".type", "Input items of type '" + RequestFields.shown(type)
                        + "' are not supported: the gateway takes messages, function_call, function_call_output,"
                        + " reasoning and item_reference items.");
            }
        }
        return turns;
    }

    private static void message(JsonNode item, String at, List<Turn> turns, List<String> instructions) {
        String role = item.path("role").asText("");
        String text = text(item.path("content"), at + ".content");
        switch (role) {
            case "system", "developer" -> {
                if (!text.isBlank()) {
                    instructions.add(text);
                }
            }
            case "user" -> turns.add(new Turn.User(text));
            case "assistant" -> turns.add(new Turn.Assistant(text, List.of()));
            default -> throw badRequest(at + ".role", at + ".role must be user, assistant, system or developer, got '"
                    + role + "'.");
        }
    }

    /** A string, or the text parts of an array ({@code input_text}, {@code output_text}, {@code text}, {@code refusal}). */
    private static String text(JsonNode content, String at) {
        return RequestFields.text(content, at, Set.of("input_text", "output_text", "text"));
    }
}
