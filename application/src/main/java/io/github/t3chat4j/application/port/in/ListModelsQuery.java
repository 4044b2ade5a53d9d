package io.github.t3chat4j.application.port.in;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.session.Session;

/**
 * List the model catalogue.
 *
 * @param includeStatuses also read {@code getModelStatuses} and join each status to the model of the same name
 */
public record ListModelsQuery(Session session, boolean includeStatuses) {

    public ListModelsQuery {
        requireNonNull(session, "session == null");
    }
}
