package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.catalog.ModelCatalog;

/**
 * Lists the models t3.chat offers. The catalogue is never empty: when the live one cannot be read it is
 * the bundled list, and {@link ModelCatalog#source()} says so.
 */
public interface ListModelsUseCase {

    ModelCatalog listModels(ListModelsQuery query);
}
