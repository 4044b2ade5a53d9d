package io.github.t3chat4j.adapter.openai;

import static io.github.t3chat4j.adapter.openai.ApiErrorException.badRequest;
import static io.github.t3chat4j.adapter.openai.RequestFields.optionalBoolean;
import static io.github.t3chat4j.adapter.openai.RequestFields.optionalInt;
import static io.github.t3chat4j.adapter.openai.RequestFields.requiredString;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.t3chat4j.adapter.openai.internal.emulation.EmulationException;
import io.github.t3chat4j.adapter.openai.internal.emulation.EmulationRequest;
import io.github.t3chat4j.adapter.openai.internal.emulation.OutputFormat;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolCall;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolChoice;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolDefinition;
import io.github.t3chat4j.adapter.openai.internal.emulation.Turn;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code POST /v1/chat/completions} body, checked and turned into an {@link EmulationRequest}: the
 * system and developer messages (joined) are the instructions; user, assistant (with
 * {@code tool_calls}) and {@code tool} messages are the turns; {@code tools}, {@code tool_choice},
 * {@code parallel_tool_calls} and {@code response_format} drive the emulation. Parameters without an
 * equivalent ({@code temperature}, {@code max_tokens}, …) are accepted and ignored; ones that would
 * change the answer's shape ({@code n} above 1, image input, the legacy {@code functions}) are refused
 * with a 400 naming the parameter.
 */
record ChatCompletionRequest(String model, EmulationRequest emulation, boolean stream, boolean includeUsage,
        ReasoningEffort reasoningEffort, boolean search) {

    static ChatCompletionRequest parse(JsonNode body) {
        String model = requiredString(body, "model");
        int n = optionalInt(body, "n", 1);
        if (n != 1) {
            throw badRequest("n", "n must be 1: t3.chat answers with one choice per request (got " + n + ").");
        }
        optionalInt(body, "max_tokens", 1);
        optionalInt(body, "max_completion_tokens", 1);
        if (body.has("functions") || body.has("function_call")) {
            throw badRequest(body.has("functions") ? "functions" : "function_call", "The legacy functions and"
                    + " function_call are not supported; use tools and tool_choice.");
        }
        boolean stream = optionalBoolean(body, "stream", "stream", false);
        boolean includeUsage = optionalBoolean(body.path("stream_options"), "include_usage",
                "stream_options.include_usage", false);
        ReasoningEffort effort = RequestFields.reasoningEffort(body.path("reasoning_effort"), "reasoning_effort");
        boolean search = body.path("web_search_options").isObject();
        List<ToolDefinition> tools = tools(body.path("tools"));
        ToolChoice choice = RequestFields.toolChoice(body.path("tool_choice"), "tool_choice");
        boolean parallel = optionalBoolean(body, "parallel_tool_calls", "parallel_tool_calls", true);
        OutputFormat format = responseFormat(body.path("response_format"));
        JsonNode list = body.path("messages");
        if (!list.isArray() || list.isEmpty()) {
            throw badRequest("messages", "messages must be a non-empty array.");
        }
        List<String> system = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode message = list.get(i);
            String at = "messages[" + i + "]";
            if (!message.isObject()) {
                throw badRequest(at, at + " must be an object.");
            }
            String role = message.path("role").asText("");
            String text = content(message.path("content"), at + ".content");
            switch (role) {
                case "system", "developer" -> system.add(text);
                case "user" -> {
                    if (text.isBlank()) {
                        throw badRequest(at + ".content", at + " is a user message without text.");
                    }
                    turns.add(new Turn.User(text));
                }
                case "assistant" -> turns.add(new Turn.Assistant(text, toolCalls(message.path("tool_calls"), at)));
                case "tool" -> {
                    JsonNode id = message.path("tool_call_id");
                    if (!id.isTextual() || id.asText().isBlank()) {
                        throw badRequest(at + ".tool_call_id", at + " is a tool message without tool_call_id.");
                    }
                    turns.add(new Turn.ToolResult(id.asText(), null, text, false));
                }
                case "function" -> throw badRequest(at + ".role", "Messages with role 'function' (the legacy"
                        + " functions) are not supported; use tools and role 'tool'.");
                default -> throw badRequest(at + ".role",
                        at + ".role must be system, developer, user, assistant or tool, got '" + role + "'.");
            }
        }
        if (turns.stream().noneMatch(turn -> turn instanceof Turn.User)) {
            throw badRequest("messages", "messages must hold at least one user message.");
        }
        String instructions = String.join("\n\n", system.stream().filter(s -> !s.isBlank()).toList());
        EmulationRequest emulation;
        try {
            emulation = new EmulationRequest(instructions, turns, tools, choice, parallel, format);
        } catch (EmulationException e) {
            throw badRequest(param(e.subject()), e.getMessage());
        }
        return new ChatCompletionRequest(model, emulation, stream, includeUsage, effort, search);
    }

    /** The request field an emulation refusal is about. */
    static String param(EmulationException.Subject subject) {
        return switch (subject) {
            case TOOLS -> "tools";
            case TOOL_CHOICE -> "tool_choice";
            case TURNS -> "messages";
            case FORMAT -> "response_format";
            case NONE -> null;
        };
    }

    private static List<ToolDefinition> tools(JsonNode tools) {
        if (tools.isMissingNode() || tools.isNull()) {
            return List.of();
        }
        if (!tools.isArray()) {
            throw badRequest("tools", "tools must be an array.");
        }
        List<ToolDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String at = "tools[" + i + "]";
            if (!tool.path("type").asText().equals("function") || !tool.path("function").isObject()) {
                throw badRequest(at + ".type", "Only tools of type 'function' are supported (got '"
                        + tool.path("type").asText() + "').");
            }
            JsonNode function = tool.path("function");
            definitions.add(RequestFields.tool(function.path("name").asText(null),
                    function.path("description").asText(""), function.get("parameters"), at + ".function"));
        }
        return definitions;
    }

    private static List<ToolCall> toolCalls(JsonNode calls, String at) {
        if (calls.isMissingNode() || calls.isNull()) {
            return List.of();
        }
        if (!calls.isArray()) {
            throw badRequest(at + ".tool_calls", at + ".tool_calls must be an array.");
        }
        List<ToolCall> result = new ArrayList<>();
        for (int j = 0; j < calls.size(); j++) {
            JsonNode call = calls.get(j);
            String callAt = at + ".tool_calls[" + j + "]";
            JsonNode function = call.path("function");
            if (!call.path("id").isTextual() || !function.path("name").isTextual()) {
                throw badRequest(callAt, callAt + " needs an id and a function with a name.");
            }
            result.add(new ToolCall(call.path("id").asText(), function.path("name").asText(),
                    RequestFields.arguments(function.path("arguments"), callAt + ".function.arguments")));
        }
        return result;
    }

    private static OutputFormat responseFormat(JsonNode format) {
        if (format.isMissingNode() || format.isNull()) {
            return OutputFormat.TEXT;
        }
        return switch (format.path("type").asText("")) {
            case "text" -> OutputFormat.TEXT;
            case "json_object" -> OutputFormat.JSON_OBJECT;
            case "json_schema" -> RequestFields.jsonSchema(format.path("json_schema"), "response_format.json_schema");
            default -> throw badRequest("response_format.type", "response_format.type must be text, json_object or"
                    + " json_schema, got '" + format.path("type").asText() + "'.");
        };
    }

    /** A message's content: a string, or its text parts joined by newlines. */
    static String content(JsonNode content, String at) {
        return RequestFields.text(content, at, Set.of("text"));
    }
}
