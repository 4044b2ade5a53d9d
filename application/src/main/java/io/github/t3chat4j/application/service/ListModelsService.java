package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.ListModelsQuery;
import io.github.t3chat4j.application.port.in.ListModelsUseCase;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.LoadModelInsightsPort;
import io.github.t3chat4j.domain.catalog.ModelCatalog;

/** Reads the catalogue and, when asked, joins the live model statuses to it by name. */
public final class ListModelsService implements ListModelsUseCase {

    private final LoadModelCatalogPort loadCatalog;
    private final LoadModelInsightsPort loadInsights;

    public ListModelsService(LoadModelCatalogPort loadCatalog, LoadModelInsightsPort loadInsights) {
        this.loadCatalog = requireNonNull(loadCatalog, "loadCatalog == null");
        this.loadInsights = requireNonNull(loadInsights, "loadInsights == null");
    }

    @Override
    public ModelCatalog listModels(ListModelsQuery query) {
        requireNonNull(query, "query == null");
        ModelCatalog catalog = loadCatalog.loadModelCatalog(query.session());
        if (!query.includeStatuses()) {
            return catalog;
        }
        return catalog.withStatuses(loadInsights.loadModelStatuses(query.session()));
    }
}
