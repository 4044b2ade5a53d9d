package io.github.t3chat4j.adapter.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.stream.Reply;
import java.util.Locale;
import java.util.UUID;

/**
 * The JSON of one completion, as the OpenAI API shapes it: the {@code chat.completion} of a whole reply,
 * the {@code chat.completion.chunk}s of a streamed one, and the usage. Reasoning goes to
 * {@code reasoning_content}, never into {@code content}; an image becomes Markdown image content.
 * t3.chat reports no token counts, so usage is estimated at four characters a token.
 */
final class CompletionJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
    ObjectNode completion(Reply reply, int promptTokens) {
        ObjectNode root = head("chat.completion");
        ObjectNode message = NODES.objectNode().put("role", "assistant").put("content", content(reply));
        if (!reply.reasoning().isEmpty()) {
            message.put("reasoning_content", reply.reasoning());
        }
        message.putNull("refusal");
        message.putArray("annotations");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(reply.finishReason()));
        root.set("usage", usage(promptTokens, tokens(content(reply)) + tokens(reply.reasoning())));
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

    ObjectNode finishChunk(String t3FinishReason) {
        return chunk(NODES.objectNode(), finishReason(t3FinishReason));
    }

    /** The chunk {@code stream_options.include_usage} asks for: no choices, the usage. */
    ObjectNode usageChunk(int promptTokens, int completionTokens) {
        ObjectNode root = head("chat.completion.chunk");
        root.putArray("choices");
        root.set("usage", usage(promptTokens, completionTokens));
        return root;
    }

    /** The Markdown of an image reply: {@code ![image](<url>)}. */
    static String imageMarkdown(String url) {
        return "![image](" + url + ")";
    }

    /** The answer text, followed by the image as Markdown when the reply has one. */
    static String content(Reply reply) {
        String text = reply.text();
        if (reply.image().isEmpty()) {
            return text;
        }
        String image = imageMarkdown(url(reply.image().get()));
        return text.isEmpty() ? image : text + "\n\n" + image;
    }

    /** The URL of an image: where it lives, or a {@code data:} URL with its inline bytes. */
    static String url(ImageContent image) {
        return image.url().orElseGet(() -> "data:" + image.mediaType().orElse("image/png") + ";base64,"
                + image.base64Data().orElse(""));
    }

    /** OpenAI's finish reason for t3.chat's: {@code length} and {@code content_filter} pass, all else is {@code stop}. */
    static String finishReason(String t3Reason) {
        String reason = t3Reason.toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (reason) {
            case "length", "content_filter" -> reason;
            default -> "stop";
        };
    }

    /** Estimated tokens of {@code text}: four characters a token, rounded up. */
    static int tokens(String text) {
        return (text.length() + 3) / 4;
    }

    private static ObjectNode usage(int prompt, int completion) {
        return NODES.objectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    private ObjectNode head(String object) {
        return NODES.objectNode().put("id", id).put("object", object).put("created", created).put("model", model);
    }

    /** An empty array node, for callers that build lists. */
    static ArrayNode array() {
        return NODES.arrayNode();
    }
}
