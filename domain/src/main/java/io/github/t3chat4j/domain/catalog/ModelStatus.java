package io.github.t3chat4j.domain.catalog;

import static java.util.Objects.requireNonNull;

/**
 * The live status of a model or provider, as {@code getModelStatuses} reports it.
 *
 * @param indicator the status page's level, such as {@code "none"}, {@code "minor"} or {@code "major"}
 */
public record ModelStatus(String name, String indicator, String description) {

    public ModelStatus {
        requireNonNull(name, "name == null");
        requireNonNull(indicator, "indicator == null");
        requireNonNull(description, "description == null");
    }
}
