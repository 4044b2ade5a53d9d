package io.github.t3chat4j.adapter.openai;

import static io.github.t3chat4j.adapter.openai.ApiErrorException.badRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.stream.Reply;
import java.util.Locale;

/**
 * {@code POST /v1/images/generations}: sends the prompt to an image model ({@code gpt-image-1} unless
 * {@code model} says otherwise) as a conversation of its own, and answers the image as base64
 * ({@code b64_json}, downloaded without the t3.chat cookie) or as a {@code url} (where t3.chat's
 * storage keeps it, or a {@code data:} URL). As OpenAI does, gpt-image models answer {@code b64_json}
 * unless {@code response_format} asks for {@code url}, other models {@code url} unless it asks for
 * {@code b64_json}. Nothing is saved. {@code size}, {@code quality} and {@code style} have no t3.chat
 * equivalent and are ignored.
 */
final class ImageGenerationsEndpoint {

    private final T3Upstream t3;

    ImageGenerationsEndpoint(T3Upstream t3) {
        this.t3 = t3;
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
        String requested = body.path("model").isTextual() ? body.path("model").asText() : ModelId.DEFAULT_IMAGE.value();
        String format = body.path("response_format").isTextual() ? body.path("response_format").asText()
                : requested.toLowerCase(Locale.ROOT).startsWith("gpt-image") ? "b64_json" : "url";
        if (!format.equals("url") && !format.equals("b64_json")) {
            throw badRequest("response_format", "response_format must be url or b64_json, got '" + format + "'.");
        }
        ModelInfo model = t3.resolveModel(requested);
        if (!model.features().isEmpty() && !model.generatesImages()) {
            throw badRequest("model", "'" + model.id().value() + "' does not generate images; try "
                    + ModelId.DEFAULT_IMAGE.value() + " (GET /v1/models lists the models).");
        }
        Reply reply = t3.generate(exchange, model, prompt.asText());
        ImageContent image = reply.image().orElseThrow(() -> new ApiErrorException(502, "upstream_error",
                "t3chat_no_image", null, "t3.chat answered without an image"
                        + (reply.text().isBlank() ? "." : ": " + reply.text()), null));
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        if (format.equals("b64_json")) {
            item.put("b64_json", t3.imageBase64(image));
        } else {
            item.put("url", T3Upstream.url(image));
        }
        item.put("revised_prompt", prompt.asText());
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("created", t3.clock().instant().getEpochSecond());
        root.putArray("data").add(item);
        exchange.json(200, root);
        return model.id().value();
    }
}
