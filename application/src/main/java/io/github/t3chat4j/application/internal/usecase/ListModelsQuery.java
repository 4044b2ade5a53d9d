package io.github.t3chat4j.application.internal.usecase;

/**
 * List the model catalogue.
 *
 * @param includeStatuses also read {@code getModelStatuses} and join each status to the model of the same name
 */
public record ListModelsQuery(boolean includeStatuses) {
}
