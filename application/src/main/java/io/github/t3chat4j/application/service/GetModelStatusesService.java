package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.AccountQuery;
import io.github.t3chat4j.application.port.in.GetModelStatusesUseCase;
import io.github.t3chat4j.application.port.out.LoadModelInsightsPort;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import java.util.List;

/** Reads model statuses through {@link LoadModelInsightsPort}. */
public final class GetModelStatusesService implements GetModelStatusesUseCase {

    private final LoadModelInsightsPort loadModelInsights;

    public GetModelStatusesService(LoadModelInsightsPort loadModelInsights) {
        this.loadModelInsights = requireNonNull(loadModelInsights, "loadModelInsights == null");
    }

    @Override
    public List<ModelStatus> getModelStatuses(AccountQuery query) {
        requireNonNull(query, "query == null");
        return loadModelInsights.loadModelStatuses(query.session());
    }
}
