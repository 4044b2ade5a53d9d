package io.github.t3chat4j.adapter.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ModelId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}}: t3.chat's model catalogue (the site's, a
 * cached copy, or the bundled list) as OpenAI {@code model} objects; disabled models are left out. An
 * unknown id is a 404 with the closest id.
 */
final class ModelsEndpoint {

    private final T3Upstream t3;

    ModelsEndpoint(T3Upstream t3) {
        this.t3 = t3;
    }

    void list(Exchange exchange) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (ModelInfo model : catalog().models()) {
            if (!model.disabled()) {
                data.add(model(model));
            }
        }
        exchange.json(200, root);
    }

    void one(Exchange exchange, String id) {
        ModelCatalog catalog = catalog();
        ModelInfo model = catalog.find(id).filter(m -> !m.disabled())
                .orElseThrow(() -> ErrorMapper.unknownModel(id, catalog.closestTo(id).map(ModelId::value)
                        .orElse(null)));
        exchange.json(200, model(model));
    }

    private ModelCatalog catalog() {
        return t3.catalog();
    }

    private static ObjectNode model(ModelInfo model) {
        String owner = !model.developer().isBlank() ? model.developer() : model.provider();
        return JsonNodeFactory.instance.objectNode()
                .put("id", model.id().value())
                .put("object", "model")
                .put("created", created(model))
                .put("owned_by", owner.isBlank() ? "t3.chat" : owner.toLowerCase(Locale.ROOT).replace(' ', '-'))
                .put("name", model.name());
    }

    /** The day the catalogue says the model was added, as epoch seconds; 0 when unknown. */
    private static long created(ModelInfo model) {
        return model.addedOn().map(date -> {
            try {
                return LocalDate.parse(date.length() >= 10 ? date.substring(0, 10) : date)
                        .atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            } catch (DateTimeParseException e) {
                return 0L;
            }
        }).orElse(0L);
    }
}
