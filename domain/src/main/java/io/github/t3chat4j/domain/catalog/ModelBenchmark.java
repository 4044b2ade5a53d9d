package io.github.t3chat4j.domain.catalog;

import static java.util.Objects.requireNonNull;

/** One benchmark score of one model, as {@code getAllModelBenchmarks} reports it. */
public record ModelBenchmark(String modelId, String benchmarkId, double score, String description) {

    public ModelBenchmark {
        requireNonNull(modelId, "modelId == null");
        requireNonNull(benchmarkId, "benchmarkId == null");
        requireNonNull(description, "description == null");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("A benchmark score must be a number.");
        }
    }
}
