package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.AccountQuery;
import io.github.t3chat4j.application.port.in.GetModelBenchmarksUseCase;
import io.github.t3chat4j.application.port.out.LoadModelInsightsPort;
import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import java.util.List;

/** Reads model benchmarks through {@link LoadModelInsightsPort}. */
public final class GetModelBenchmarksService implements GetModelBenchmarksUseCase {

    private final LoadModelInsightsPort loadModelInsights;

    public GetModelBenchmarksService(LoadModelInsightsPort loadModelInsights) {
        this.loadModelInsights = requireNonNull(loadModelInsights, "loadModelInsights == null");
    }

    @Override
    public List<ModelBenchmark> getModelBenchmarks(AccountQuery query) {
        requireNonNull(query, "query == null");
        return loadModelInsights.loadModelBenchmarks(query.session());
    }
}
