package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.internal.usecase.GetModelStatusesUseCase;
import io.github.t3chat4j.application.internal.usecase.ListModelsQuery;
import io.github.t3chat4j.application.internal.usecase.ListModelsUseCase;
import io.github.t3chat4j.domain.catalog.ModelCatalog;

/** Reads the catalogue and, when asked, joins the live model statuses to it by name. */
public final class ListModelsService implements ListModelsUseCase {

    private final ModelCatalogService catalog;
    private final GetModelStatusesUseCase statuses;

    public ListModelsService(ModelCatalogService catalog, GetModelStatusesUseCase statuses) {
        this.catalog = requireNonNull(catalog, "catalog == null");
        this.statuses = requireNonNull(statuses, "statuses == null");
    }

    @Override
    public ModelCatalog listModels(ListModelsQuery query) {
        requireNonNull(query, "query == null");
        ModelCatalog models = catalog.load();
        return query.includeStatuses() ? models.withStatuses(statuses.getModelStatuses()) : models;
    }
}
