package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import java.util.List;

/**
 * Reads every model's benchmark scores ({@code getAllModelBenchmarks}).
 */
public interface GetModelBenchmarksUseCase {

    List<ModelBenchmark> getModelBenchmarks();
}
