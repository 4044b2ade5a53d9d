package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.UnknownModelException;
import io.github.t3chat4j.application.internal.usecase.ResolveModelQuery;
import io.github.t3chat4j.application.internal.usecase.ResolveModelUseCase;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.catalog.ModelInfo;

/** Finds a typed model id in the catalogue, suggesting the closest id for a typo. */
public final class ResolveModelService implements ResolveModelUseCase {

    private final ModelCatalogService catalog;

    public ResolveModelService(ModelCatalogService catalog) {
        this.catalog = requireNonNull(catalog, "catalog == null");
    }

    @Override
    public ModelInfo resolveModel(ResolveModelQuery query) {
        requireNonNull(query, "query == null");
        String typed = query.requestedId().strip();
        if (typed.isEmpty()) {
            throw new InvalidInputException("No model given: pass a model id such as 'gemini-2.5-flash-lite'.");
        }
        ModelCatalog models = catalog.load();
        Optional<ModelInfo> found = models.find(typed);
        if (found.isPresent()) {
            return found.get();
        }
        // The bundled list is a fallback and may lag behind the site: an id missing from it is let through.
        if (models.source() == ModelCatalog.Source.BUNDLED) {
            return ModelInfo.builder(ModelId.of(typed), typed).build();
        }
        throw new UnknownModelException(typed, models.closestTo(typed).orElse(null));
    }
}
