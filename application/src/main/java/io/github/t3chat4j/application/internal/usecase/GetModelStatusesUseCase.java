package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.catalog.ModelStatus;
import java.util.List;

/**
 * Reads the live status of models and providers ({@code getModelStatuses}).
 */
public interface GetModelStatusesUseCase {

    List<ModelStatus> getModelStatuses();
}
