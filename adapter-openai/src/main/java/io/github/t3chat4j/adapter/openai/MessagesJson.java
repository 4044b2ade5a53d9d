package io.github.t3chat4j.adapter.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.adapter.openai.internal.emulation.Finish;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolCall;

/**
 * The JSON of one Anthropic {@code message}: the whole object, its content blocks ({@code text},
 * {@code thinking}, {@code tool_use}), its stop reason and its usage (estimated: t3.chat reports no token
 * counts, so four characters a token; nothing is ever cached). A model's reasoning is a
 * {@code thinking} block with a signature that marks it as the gateway's: t3.chat cannot take reasoning
 * back, so a thinking block sent back is skipped, whatever its signature.
 */
final class MessagesJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The signature of every thinking block: nothing to verify, it only says where the block came from. */
    static final String SIGNATURE = "t3chat4j-gateway";

    private final String id = Emulations.id("msg_");
    private final String model;
    private final int inputTokens;

    MessagesJson(String model, int inputTokens) {
        this.model = model;
        this.inputTokens = inputTokens;
    }

    /** The message with {@code content}, as {@code message_start} carries it (empty, no stop reason) or whole. */
    ObjectNode message(ArrayNode content, String stopReason, String stopSequence, int outputTokens) {
        ObjectNode message = NODES.objectNode().put("id", id).put("type", "message").put("role", "assistant")
                .put("model", model);
        message.set("content", content);
        message.put("stop_reason", stopReason);
        message.put("stop_sequence", stopSequence);
        message.set("usage", usage(outputTokens).put("service_tier", "standard"));
        return message;
    }

    /** The usage {@code message_delta} carries at the end of a stream. */
    ObjectNode usage(int outputTokens) {
        return NODES.objectNode().put("input_tokens", inputTokens).put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0).put("output_tokens", outputTokens);
    }

    static ObjectNode textBlock(String text) {
        return NODES.objectNode().put("type", "text").put("text", text);
    }

    static ObjectNode thinkingBlock(String thinking, String signature) {
        return NODES.objectNode().put("type", "thinking").put("thinking", thinking).put("signature", signature);
    }

    /** A call; {@code whole} false for a stream's {@code content_block_start}, whose input comes in deltas. */
    static ObjectNode toolUseBlock(ToolCall call, boolean whole) {
        ObjectNode block = NODES.objectNode().put("type", "tool_use").put("id", call.id()).put("name", call.name());
        block.set("input", whole ? call.arguments() : NODES.objectNode());
        return block;
    }

    /** Why the turn ended, in Anthropic's words; {@code stop_sequence} when one of the client's cut it. */
    static String stopReason(Finish finish, boolean stopSequence) {
        if (stopSequence) {
            return "stop_sequence";
        }
        return switch (finish) {
            case STOP -> "end_turn";
            case LENGTH -> "max_tokens";
            case CONTENT_FILTER -> "refusal";
            case TOOL_CALLS -> "tool_use";
        };
    }
}
