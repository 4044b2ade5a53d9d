package io.github.t3chat4j.adapter.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.adapter.openai.internal.emulation.Finish;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolCall;
import io.github.t3chat4j.adapter.openai.internal.emulation.TurnResult;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The JSON of one completion, as the OpenAI API shapes it: the {@code chat.completion} of a whole turn,
 * the {@code chat.completion.chunk}s of a streamed one (tool calls as {@code tool_calls} deltas: id and
 * name first, then the arguments in pieces), and the usage. Reasoning goes to
 * {@code reasoning_content}, never into {@code content}. t3.chat reports no token counts, so usage is
 * estimated at four characters a token.
 */
final class CompletionJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How many characters of a call's arguments go in one chunk. */
    private static final int ARGUMENT_PIECE = 64;

    private final String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    private final long created;
    private final String model;
    private final boolean usageInChunks;

    CompletionJson(long createdEpochSeconds, String model, boolean usageInChunks) {
        this.created = createdEpochSeconds;
        this.model = model;
        this.usageInChunks = usageInChunks;
    }

    /** The whole {@code chat.completion}. */
    ObjectNode completion(TurnResult turn, int promptTokens) {
        ObjectNode root = head("chat.completion");
        ObjectNode message = NODES.objectNode().put("role", "assistant");
        if (turn.text().isEmpty() && !turn.calls().isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", turn.text());
        }
        if (!turn.reasoning().isEmpty()) {
            message.put("reasoning_content", turn.reasoning());
        }
        if (!turn.calls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (ToolCall call : turn.calls()) {
                ObjectNode entry = calls.addObject().put("id", call.id()).put("type", "function");
                entry.putObject("function").put("name", call.name()).put("arguments", arguments(call));
            }
        }
        message.putNull("refusal");
        message.putArray("annotations");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(turn.finish()));
        root.set("usage", usage(promptTokens, completionTokens(turn)));
        return root;
    }

    /** A chunk whose delta is {@code delta}; {@code finishReason} null until the last. */
    ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode root = head("chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (usageInChunks) {
            root.putNull("usage");
        }
        return root;
    }

    /** The first chunk: the role, and empty content. */
    ObjectNode roleChunk() {
        return chunk(NODES.objectNode().put("role", "assistant").put("content", ""), null);
    }

    ObjectNode contentChunk(String text) {
        return chunk(NODES.objectNode().put("content", text), null);
    }

    ObjectNode reasoningChunk(String text) {
        return chunk(NODES.objectNode().put("reasoning_content", text), null);
    }

    /**
     * The chunks of the calls, as OpenAI streams them: per call, one with its index, id, type and name
     * (and empty arguments), then its arguments in pieces.
     */
    List<ObjectNode> toolCallChunks(List<ToolCall> calls) {
        List<ObjectNode> chunks = new ArrayList<>();
        for (int index = 0; index < calls.size(); index++) {
            ToolCall call = calls.get(index);
            ObjectNode first = NODES.objectNode();
            ObjectNode entry = first.putArray("tool_calls").addObject().put("index", index).put("id", call.id())
                    .put("type", "function");
            entry.putObject("function").put("name", call.name()).put("arguments", "");
            chunks.add(chunk(first, null));
            for (String piece : pieces(arguments(call), ARGUMENT_PIECE)) {
                ObjectNode delta = NODES.objectNode();
                delta.putArray("tool_calls").addObject().put("index", index).putObject("function")
                        .put("arguments", piece);
                chunks.add(chunk(delta, null));
            }
        }
        return chunks;
    }

    ObjectNode finishChunk(Finish finish) {
        return chunk(NODES.objectNode(), finishReason(finish));
    }

    /** The chunk {@code stream_options.include_usage} asks for: no choices, the usage. */
    ObjectNode usageChunk(int promptTokens, int completionTokens) {
        ObjectNode root = head("chat.completion.chunk");
        root.putArray("choices");
        root.set("usage", usage(promptTokens, completionTokens));
        return root;
    }

    static String finishReason(Finish finish) {
        return switch (finish) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case CONTENT_FILTER -> "content_filter";
            case TOOL_CALLS -> "tool_calls";
        };
    }

    /** A call's arguments as OpenAI carries them: a string of JSON. */
    static String arguments(ToolCall call) {
        return Exchange.write(call.arguments());
    }

    /** Estimated tokens of what the turn produced: text, reasoning and calls. */
    static int completionTokens(TurnResult turn) {
        int tokens = tokens(turn.text()) + tokens(turn.reasoning());
        for (ToolCall call : turn.calls()) {
            tokens += tokens(call.name()) + tokens(arguments(call));
        }
        return tokens;
    }

    /** Estimated tokens of {@code text}: four characters a token, rounded up. */
    static int tokens(String text) {
        return (text.length() + 3) / 4;
    }

    /** {@code text} cut into pieces of at most {@code size} characters, never inside a surrogate pair. */
    static List<String> pieces(String text, int size) {
        List<String> pieces = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + size);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            pieces.add(text.substring(at, end));
            at = end;
        }
        return pieces;
    }

    private static ObjectNode usage(int prompt, int completion) {
        return NODES.objectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    private ObjectNode head(String object) {
        return NODES.objectNode().put("id", id).put("object", object).put("created", created).put("model", model);
    }
}
