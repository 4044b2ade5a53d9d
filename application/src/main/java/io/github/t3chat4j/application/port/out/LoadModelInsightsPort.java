package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import io.github.t3chat4j.domain.session.Session;
import java.util.List;

/**
 * Reads live facts about models: their provider status and benchmark scores. Throws the
 * {@link io.github.t3chat4j.application.error.T3ChatException}s of {@link LoadCustomerDataPort}. Thread-safe.
 */
public interface LoadModelInsightsPort {

    List<ModelStatus> loadModelStatuses(Session session);

    List<ModelBenchmark> loadModelBenchmarks(Session session);
}
