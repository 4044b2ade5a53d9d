package io.github.t3chat4j.adapter.openai;

import static io.github.t3chat4j.adapter.openai.ApiErrorException.badRequest;
import static io.github.t3chat4j.adapter.openai.RequestFields.optionalBoolean;
import static io.github.t3chat4j.adapter.openai.RequestFields.requiredString;
import static io.github.t3chat4j.adapter.openai.RequestFields.shown;

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
import java.util.Locale;

/**
 * A body of Anthropic's Messages API ({@code POST /v1/messages} and {@code /v1/messages/count_tokens}),
 * checked: {@code model}; {@code system} (a string or text blocks); {@code messages} with text,
 * {@code tool_use} and {@code tool_result} blocks (earlier {@code thinking} blocks are skipped, images
 * inside a tool's result become a note saying they were left out, images and documents the user sent
 * are a 400); {@code tools} (custom tools with their {@code input_schema}; a {@code web_search} server
 * tool turns t3.chat's search on; other server tools are a 400); {@code tool_choice}
 * ({@code auto}, {@code any}, {@code tool}, {@code none}, {@code disable_parallel_tool_use});
 * {@code thinking} (any type but {@code disabled} shows the model's reasoning as thinking blocks, unless
 * its {@code display} is {@code omitted}) and
 * {@code output_config.effort} (t3.chat's reasoning effort); system messages among the messages (their
 * text follows {@code system}); a JSON Schema answer
 * format ({@code output_config.format} or {@code output_format}); {@code stop_sequences};
 * {@code max_tokens}; {@code stream}. {@code metadata}, {@code temperature}, {@code top_p},
 * {@code top_k}, {@code service_tier}, {@code context_management}, every {@code cache_control} and
 * {@code anthropic-beta} are accepted and have no effect.
 */
record MessagesRequest(String model, String system, List<Turn> turns, List<ToolDefinition> tools,
        ToolChoice choice, boolean parallelCalls, OutputFormat format, ReasoningEffort effort, boolean showThinking,
        boolean search, List<String> stopSequences, boolean stream) {

    /** How many stop sequences a request may give (Anthropic's limit is in the thousands; ours is plenty). */
    private static final int MAX_STOP_SEQUENCES = 64;
    /** Said in place of an image (or a document) a tool returned: t3.chat takes text only. */
    static String leftOut(String type) {
        return "[" + (type.equals("image") ? "an image" : "a document") + " was here; the gateway passes text only, so"
                + " it was left out]";
    }

    /**
     * Parses a {@code /v1/messages} body; {@code counting} for {@code count_tokens}, where
     * {@code max_tokens} and {@code stream} do not apply.
     */
    static MessagesRequest parse(JsonNode body, boolean counting) {
        String model = requiredString(body, "model");
        if (!counting) {
            JsonNode maxTokens = body.path("max_tokens");
            if (!maxTokens.isMissingNode() && !maxTokens.isNull()
                    && (!maxTokens.isIntegralNumber() || !maxTokens.canConvertToInt() || maxTokens.asInt() < 1)) {
                throw badRequest("max_tokens", "max_tokens: must be a positive integer.");
            }
        }
        JsonNode mcp = body.path("mcp_servers");
        if (mcp.isArray() && !mcp.isEmpty()) {
            throw badRequest("mcp_servers", "mcp_servers: the gateway connects to no MCP server (t3.chat has no"
                    + " equivalent); run the MCP tools in your client and offer them as tools.");
        }
        boolean stream = !counting && optionalBoolean(body, "stream", "stream", false);
        List<String> instructions = new ArrayList<>();
        String given = system(body.path("system"), "system");
        if (!given.isBlank()) {
            instructions.add(given);
        }
        List<Turn> turns = turns(body.path("messages"), instructions);
        String system = String.join("\n\n", instructions);
        boolean search = false;
        List<ToolDefinition> tools = new ArrayList<>();
        JsonNode list = body.path("tools");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            throw badRequest("tools", "tools: must be an array.");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode tool = list.get(i);
            String type = tool.path("type").asText("custom");
            if (type.equals("custom")) {
                tools.add(RequestFields.tool(tool.path("name").asText(null), tool.path("description").asText(""),
                        tool.get("input_schema"), "tools." + i));
            } else if (type.startsWith("web_search")) {
                search = true;
            } else {
                throw badRequest("tools." + i + ".type", "tools." + i + ".type: '" + shown(type) + "' is a tool Anthropic"
                        + " runs on its servers (or defines itself); the gateway emulates custom tools only (and turns"
                        + " web_search into t3.chat's search).");
            }
        }
        JsonNode choiceNode = body.path("tool_choice");
        ToolChoice choice = choice(choiceNode);
        boolean parallel = !choiceNode.path("disable_parallel_tool_use").asBoolean(false);
        JsonNode thinking = body.path("thinking");
        String thinkingType = thinking.isObject() ? thinking.path("type").asText("") : "";
        if (!thinking.isMissingNode() && !thinking.isNull() && thinkingType.isBlank()) {
            throw badRequest("thinking.type", "thinking.type: is required (enabled, adaptive or disabled).");
        }
        boolean showThinking = !thinkingType.isEmpty() && !thinkingType.equals("disabled")
                && !thinking.path("display").asText("").equals("omitted");
        ReasoningEffort effort = effort(body.path("output_config").path("effort"), thinking, thinkingType);
        OutputFormat format = format(body.path("output_config").path("format").isObject()
                ? body.path("output_config").path("format") : body.path("output_format"));
        List<String> stops = stopSequences(body.path("stop_sequences"));
        return new MessagesRequest(model, system, turns, tools, choice, parallel, format, effort, showThinking, search,
                stops, stream);
    }

    /**
     * The turn for the emulation.
     *
     * @throws ApiErrorException (400) when the tools or the conversation cannot be used
     */
    EmulationRequest emulation() {
        try {
            return new EmulationRequest(system, turns, tools, choice, parallelCalls, format);
        } catch (EmulationException e) {
            throw badRequest(param(e.subject()), e.getMessage());
        }
    }

    /** The request field an emulation refusal is about. */
    static String param(EmulationException.Subject subject) {
        return switch (subject) {
            case TOOLS -> "tools";
            case TOOL_CHOICE -> "tool_choice";
            case TURNS -> "messages";
            case FORMAT -> "output_config.format";
            case NONE -> null;
        };
    }

    /** System text: a string or text blocks, at {@code at}. */
    private static String system(JsonNode system, String at) {
        if (system.isMissingNode() || system.isNull()) {
            return "";
        }
        if (system.isTextual()) {
            return system.asText();
        }
        if (!system.isArray()) {
            throw badRequest(at, at + ": must be a string or an array of text blocks.");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < system.size(); i++) {
            JsonNode block = system.get(i);
            if (!block.path("type").asText().equals("text") || !block.path("text").isTextual()) {
                throw badRequest(at + "." + i, at + "." + i + ": must be a text block.");
            }
            parts.add(block.path("text").asText());
        }
        return String.join("\n\n", parts);
    }

    /** The turns of {@code messages}; the text of its system messages goes to {@code instructions}. */
    private static List<Turn> turns(JsonNode messages, List<String> instructions) {
        if (!messages.isArray() || messages.isEmpty()) {
            throw badRequest("messages", "messages: must be a non-empty array.");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String at = "messages." + i;
            if (!message.isObject()) {
                throw badRequest(at, at + ": must be an object.");
            }
            String role = message.path("role").asText("");
            JsonNode content = message.path("content");
            switch (role) {
                case "user" -> user(content, at, turns);
                case "assistant" -> turns.add(assistant(content, at));
                case "system" -> {
                    String text = system(content, at + ".content");
                    if (!text.isBlank()) {
                        instructions.add(text);
                    }
                }
                default -> throw badRequest(at + ".role", at + ".role: must be user, assistant or system, got '"
                        + shown(role) + "'.");
            }
        }
        return turns;
    }

    /** A user message: its tool results (each a turn of its own) and its text. */
    private static void user(JsonNode content, String at, List<Turn> turns) {
        if (content.isTextual()) {
            turns.add(new Turn.User(content.asText()));
            return;
        }
        StringBuilder text = new StringBuilder();
        int results = 0;
        for (int j = 0; j < blocks(content, at).size(); j++) {
            JsonNode block = content.get(j);
            String where = at + ".content." + j;
            switch (block.path("type").asText("")) {
                case "text" -> append(text, textOf(block, where));
                case "tool_result" -> {
                    results++;
                    String id = block.path("tool_use_id").asText("");
                    if (id.isBlank()) {
                        throw badRequest(where + ".tool_use_id", where + ".tool_use_id: is required.");
                    }
                    turns.add(new Turn.ToolResult(id, null, resultText(block.path("content"), where + ".content"),
                            block.path("is_error").asBoolean(false)));
                }
                case "image", "document" -> throw badRequest(where + ".type", where + ": "
                        + block.path("type").asText() + " blocks are not supported: the gateway passes text only.");
                default -> throw badRequest(where + ".type", where + ": blocks of type '"
                        + shown(block.path("type").asText()) + "' are not supported in a user message (text and"
                        + " tool_result are).");
            }
        }
        if (text.isEmpty() && results == 0) {
            throw badRequest(at + ".content", at + ".content: is empty.");
        }
        if (!text.isEmpty()) {
            turns.add(new Turn.User(text.toString()));
        }
    }

    /** An assistant message: its text and its tool calls; its thinking is not sent back to t3.chat. */
    private static Turn assistant(JsonNode content, String at) {
        if (content.isTextual()) {
            return new Turn.Assistant(content.asText(), List.of());
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (int j = 0; j < blocks(content, at).size(); j++) {
            JsonNode block = content.get(j);
            String where = at + ".content." + j;
            switch (block.path("type").asText("")) {
                case "text" -> append(text, textOf(block, where));
                case "tool_use" -> {
                    String id = block.path("id").asText("");
                    String name = block.path("name").asText("");
                    JsonNode input = block.path("input");
                    if (id.isBlank() || name.isBlank()) {
                        throw badRequest(where, where + ": a tool_use block needs an id and a name.");
                    }
                    if (!input.isObject()) {
                        throw badRequest(where + ".input", where + ".input: must be an object.");
                    }
                    calls.add(new ToolCall(id, name, input));
                }
                case "thinking", "redacted_thinking" -> {
                    // The model's earlier reasoning: t3.chat cannot take it back, and the answer stands without it.
                }
                default -> throw badRequest(where + ".type", where + ": blocks of type '"
                        + shown(block.path("type").asText()) + "' are not supported in an assistant message (text,"
                        + " tool_use and thinking are).");
            }
        }
        return new Turn.Assistant(text.toString(), calls);
    }

    private static JsonNode blocks(JsonNode content, String at) {
        if (!content.isArray()) {
            throw badRequest(at + ".content", at + ".content: must be a string or an array of content blocks.");
        }
        return content;
    }

    private static String textOf(JsonNode block, String where) {
        if (!block.path("text").isTextual()) {
            throw badRequest(where + ".text", where + ".text: must be a string.");
        }
        return block.path("text").asText();
    }

    /** A tool's result as text: a string, or its text blocks (an image in it is named, not passed). */
    private static String resultText(JsonNode content, String at) {
        if (content.isMissingNode() || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw badRequest(at, at + ": must be a string or an array of content blocks.");
        }
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < content.size(); k++) {
            JsonNode block = content.get(k);
            String type = block.path("type").asText("");
            if (type.equals("text")) {
                append(text, textOf(block, at + "." + k));
            } else if (type.equals("image") || type.equals("document")) {
                append(text, leftOut(type));
            } else {
                throw badRequest(at + "." + k + ".type", at + "." + k + ": blocks of type '" + shown(type)
                        + "' are not supported in a tool result (text is).");
            }
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String more) {
        if (!text.isEmpty() && !more.isEmpty()) {
            text.append("\n\n");
        }
        text.append(more);
    }

    private static ToolChoice choice(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return ToolChoice.AUTO;
        }
        String type = value.path("type").asText("");
        return switch (type) {
            case "auto" -> ToolChoice.AUTO;
            case "any" -> ToolChoice.REQUIRED;
            case "none" -> ToolChoice.NONE;
            case "tool" -> {
                String name = value.path("name").asText("");
                if (name.isBlank()) {
                    throw badRequest("tool_choice.name", "tool_choice.name: is required when the type is tool.");
                }
                yield new ToolChoice.Named(name);
            }
            default -> throw badRequest("tool_choice.type", "tool_choice.type: must be auto, any, tool or none, got '"
                    + shown(type) + "'.");
        };
    }

    /**
     * t3.chat's reasoning effort: {@code output_config.effort} when given, else from the thinking budget
     * (below 8,192 tokens low, below 24,576 medium, else high; adaptive and other thinking medium), else low.
     */
    private static ReasoningEffort effort(JsonNode configured, JsonNode thinking, String thinkingType) {
        if (!configured.isMissingNode() && !configured.isNull()) {
            return switch (configured.asText("").toLowerCase(Locale.ROOT)) {
                case "low" -> ReasoningEffort.LOW;
                case "medium" -> ReasoningEffort.MEDIUM;
                case "high", "xhigh", "max" -> ReasoningEffort.HIGH;
                default -> throw badRequest("output_config.effort", "output_config.effort: must be low, medium, high,"
                        + " xhigh or max.");
            };
        }
        if (thinkingType.isEmpty() || thinkingType.equals("disabled")) {
            return ReasoningEffort.LOW;
        }
        if (!thinkingType.equals("enabled")) {
            return ReasoningEffort.MEDIUM;
        }
        JsonNode budget = thinking.path("budget_tokens");
        if (!budget.isIntegralNumber() || budget.asLong() < 1) {
            throw badRequest("thinking.budget_tokens", "thinking.budget_tokens: must be a positive integer when thinking"
                    + " is enabled.");
        }
        long tokens = budget.asLong();
        return tokens < 8_192 ? ReasoningEffort.LOW : tokens < 24_576 ? ReasoningEffort.MEDIUM : ReasoningEffort.HIGH;
    }

    private static OutputFormat format(JsonNode format) {
        if (format.isMissingNode() || format.isNull()) {
            return OutputFormat.TEXT;
        }
        if (!format.path("type").asText("").equals("json_schema")) {
            throw badRequest("output_config.format.type", "output_config.format.type: must be json_schema.");
        }
        return RequestFields.jsonSchema(format, "output_config.format");
    }

    private static List<String> stopSequences(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > MAX_STOP_SEQUENCES) {
            throw badRequest("stop_sequences", "stop_sequences: must be an array of at most " + MAX_STOP_SEQUENCES
                    + " strings.");
        }
        List<String> stops = new ArrayList<>();
        for (JsonNode stop : value) {
            if (!stop.isTextual() || stop.asText().isEmpty()) {
                throw badRequest("stop_sequences", "stop_sequences: each must be a non-empty string.");
            }
            stops.add(stop.asText());
        }
        return stops;
    }
}
