package io.github.t3chat4j.adapter.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.adapter.openai.internal.emulation.Finish;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolCall;
import io.github.t3chat4j.adapter.openai.internal.emulation.TurnResult;
import java.util.Set;

/**
 * The JSON of one {@code response} of the Responses API: the object itself (echoing the request's
 * settings, as OpenAI does), its output items (reasoning with its summary text, the assistant message,
 * function calls) and the estimated usage.
 */
final class ResponseJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String id = Emulations.id("resp_");
    private final long createdAt;
    private final String model;
    private final ResponsesRequest request;
    private final Set<String> namespaces;

    ResponseJson(long createdAt, String model, ResponsesRequest request) {
        this.createdAt = createdAt;
        this.model = model;
        this.request = request;
        this.namespaces = request.namespaces();
    }

    String id() {
        return id;
    }

    /** The response with {@code status} and {@code output}, without usage (while in progress). */
    ObjectNode response(String status, ArrayNode output) {
        JsonNode body = request.body();
        ObjectNode root = NODES.objectNode().put("id", id).put("object", "response").put("created_at", createdAt)
                .put("status", status).put("background", false);
        root.putNull("error");
        root.putNull("incomplete_details");
        if (request.instructions().isEmpty()) {
            root.putNull("instructions");
        } else {
            root.put("instructions", request.instructions());
        }
        root.set("max_output_tokens", echo(body, "max_output_tokens", NODES.nullNode()));
        root.put("model", model);
        root.set("output", output);
        root.put("parallel_tool_calls", request.parallelCalls());
        root.set("previous_response_id", echo(body, "previous_response_id", NODES.nullNode()));
        ObjectNode reasoning = root.putObject("reasoning");
        reasoning.set("effort", echo(body.path("reasoning"), "effort", NODES.nullNode()));
        reasoning.set("summary", echo(body.path("reasoning"), "summary", NODES.nullNode()));
        root.put("store", request.store());
        root.set("temperature", echo(body, "temperature", NODES.numberNode(1.0)));
        ObjectNode text = root.putObject("text");
        text.set("format", echo(body.path("text"), "format", NODES.objectNode().put("type", "text")));
        root.set("tool_choice", echo(body, "tool_choice", NODES.textNode("auto")));
        root.set("tools", echo(body, "tools", NODES.arrayNode()));
        root.set("top_p", echo(body, "top_p", NODES.numberNode(1.0)));
        root.put("truncation", "disabled");
        root.putNull("usage");
        root.set("user", echo(body, "user", NODES.nullNode()));
        root.set("metadata", echo(body, "metadata", NODES.objectNode()));
        return root;
    }

    /** The finished response: status from the finish, the output and the usage. */
    ObjectNode finished(TurnResult turn, ArrayNode output, int inputTokens) {
        boolean incomplete = turn.finish() == Finish.LENGTH || turn.finish() == Finish.CONTENT_FILTER;
        ObjectNode root = response(incomplete ? "incomplete" : "completed", output);
        if (incomplete) {
            root.putObject("incomplete_details").put("reason",
                    turn.finish() == Finish.LENGTH ? "max_output_tokens" : "content_filter");
        }
        int reasoningTokens = CompletionJson.tokens(turn.reasoning());
        int outputTokens = CompletionJson.completionTokens(turn);
        ObjectNode usage = root.putObject("usage").put("input_tokens", inputTokens);
        usage.putObject("input_tokens_details").put("cached_tokens", 0);
        usage.put("output_tokens", outputTokens);
        usage.putObject("output_tokens_details").put("reasoning_tokens", reasoningTokens);
        usage.put("total_tokens", inputTokens + outputTokens);
        return root;
    }

    /** The response that failed with {@code error}. */
    ObjectNode failed(ArrayNode output, ApiErrorException error) {
        ObjectNode root = response("failed", output);
        root.putObject("error").put("code", error.code() == null ? "server_error" : error.code())
                .put("message", error.getMessage());
        return root;
    }

    /** The output items of a whole turn: reasoning, then the message (unless only calls came), then the calls. */
    ArrayNode output(TurnResult turn) {
        ArrayNode output = NODES.arrayNode();
        if (!turn.reasoning().isEmpty()) {
            output.add(reasoningItem(Emulations.id("rs_"), turn.reasoning()));
        }
        if (!turn.text().isEmpty() || turn.calls().isEmpty()) {
            output.add(messageItem(Emulations.id("msg_"), turn.text(), "completed"));
        }
        for (ToolCall call : turn.calls()) {
            output.add(functionCallItem(Emulations.id("fc_"), call, CompletionJson.arguments(call), "completed"));
        }
        return output;
    }

    static ObjectNode reasoningItem(String id, String summary) {
        ObjectNode item = NODES.objectNode().put("id", id).put("type", "reasoning");
        ArrayNode parts = item.putArray("summary");
        if (summary != null) {
            parts.add(summaryPart(summary));
        }
        return item;
    }

    static ObjectNode summaryPart(String text) {
        return NODES.objectNode().put("type", "summary_text").put("text", text);
    }

    static ObjectNode messageItem(String id, String text, String status) {
        ObjectNode item = NODES.objectNode().put("id", id).put("type", "message").put("status", status)
                .put("role", "assistant");
        ArrayNode content = item.putArray("content");
        if (text != null) {
            content.add(textPart(text));
        }
        return item;
    }

    static ObjectNode textPart(String text) {
        ObjectNode part = NODES.objectNode().put("type", "output_text").put("text", text);
        part.putArray("annotations");
        part.putArray("logprobs");
        return part;
    }

    /** The name of the tool {@code call} calls, without its namespace. */
    String toolName(ToolCall call) {
        return ResponsesRequest.split(call.name(), namespaces)[1];
    }

    /** A function call item; a call of a tool in a namespace names the two apart, as the request did. */
    ObjectNode functionCallItem(String id, ToolCall call, String arguments, String status) {
        String[] name = ResponsesRequest.split(call.name(), namespaces);
        ObjectNode item = NODES.objectNode().put("id", id).put("type", "function_call").put("status", status)
                .put("call_id", call.id()).put("name", name[1]);
        if (!name[0].isEmpty()) {
            item.put("namespace", name[0]);
        }
        return item.put("arguments", arguments);
    }

    private static JsonNode echo(JsonNode body, String field, JsonNode fallback) {
        JsonNode value = body.path(field);
        return value.isMissingNode() || value.isNull() ? fallback : value.deepCopy();
    }
}
