package io.github.t3chat4j.adapter.openai;

import static io.github.t3chat4j.adapter.openai.ApiErrorException.badRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.application.ChatOptions;
import io.github.t3chat4j.application.ReplyStream;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * {@code POST /v1/images/generations}: sends the prompt to an image model ({@code gpt-image-1} unless
 * {@code model} says otherwise) as a conversation of its own, and answers the image as a {@code url}
 * (where t3.chat's storage keeps it, or a {@code data:} URL) or, when {@code response_format} is
 * {@code b64_json}, as base64 (downloaded without the t3.chat cookie). Nothing is saved. {@code size},
 * {@code quality} and {@code style} have no t3.chat equivalent and are ignored.
 */
final class ImageGenerationsEndpoint {

    private final T3Client client;
    private final ChatSettings baseSettings;
    private final Clock clock;

    ImageGenerationsEndpoint(T3Client client, ChatSettings baseSettings, Clock clock) {
        this.client = client;
        this.baseSettings = baseSettings;
        this.clock = clock;
    }

    /** Answers the exchange; returns the model used (for the access log). */
    String handle(Exchange exchange, long maxRequestBytes) {
        JsonNode body = exchange.readJsonObject(maxRequestBytes);
        exchange.watchForDeparture();
        JsonNode prompt = body.path("prompt");
        if (!prompt.isTextual() || prompt.asText().isBlank()) {
            throw badRequest("prompt", "prompt is required and must be a non-empty string.");
        }
        JsonNode n = body.path("n");
        if (!n.isMissingNode() && !n.isNull() && !(n.isIntegralNumber() && n.asInt() == 1)) {
            throw badRequest("n", "n must be 1: t3.chat makes one image per request.");
        }
        String format = body.path("response_format").isTextual() ? body.path("response_format").asText() : "url";
        if (!format.equals("url") && !format.equals("b64_json")) {
            throw badRequest("response_format", "response_format must be url or b64_json, got '" + format + "'.");
        }
        String requested = body.path("model").isTextual() ? body.path("model").asText() : ModelId.DEFAULT_IMAGE.value();
        ModelInfo model = client.account().resolveModel(requested);
        if (!model.features().isEmpty() && !model.generatesImages()) {
            throw badRequest("model", "'" + model.id().value() + "' does not generate images; try "
                    + ModelId.DEFAULT_IMAGE.value() + " (GET /v1/models lists the models).");
        }
        Instant now = clock.instant();
        Conversation conversation = Conversation.builder(ThreadId.random()).model(model.id()).settings(baseSettings)
                .messages(List.of(Message.builder(Role.USER).text(prompt.asText()).build())).createdAt(now).updatedAt(now).build();
        ChatOptions options = ChatOptions.defaults().withModel(model.id()).withSettings(baseSettings).withRetries(0);
        Reply reply;
        try (ReplyStream stream = client.stream(conversation, null, options)) {
            exchange.serve(stream::cancel);
            reply = stream.reply();
        }
        if (exchange.isClientGone()) {
            return model.id().value();
        }
        if (exchange.isShuttingDown()) {
            throw new ApiErrorException(503, "server_error", "gateway_shutting_down", null,
                    "The gateway is shutting down; send the request again once it is back.", null);
        }
        ImageContent image = reply.image().orElseThrow(() -> new ApiErrorException(502, "upstream_error",
                "t3chat_no_image", null, "t3.chat answered without an image"
                        + (reply.text().isBlank() ? "." : ": " + reply.text()), null));
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        if (format.equals("b64_json")) {
            item.put("b64_json", Base64.getEncoder().encodeToString(client.imageBytes(image)));
        } else {
            item.put("url", CompletionJson.url(image));
        }
        item.put("revised_prompt", prompt.asText());
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("created", now.getEpochSecond());
        root.putArray("data").add(item);
        exchange.json(200, root);
        return model.id().value();
    }
}
