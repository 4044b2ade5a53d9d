package io.github.t3chat4j.application.port.out;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.catalog.ModelInfo;
import java.time.Instant;
import java.util.List;

/** A model catalogue as it was read from the site at {@code fetchedAt}. */
public record CachedModelCatalog(List<ModelInfo> models, Instant fetchedAt) {

    public CachedModelCatalog {
        models = List.copyOf(requireNonNull(models, "models == null"));
        requireNonNull(fetchedAt, "fetchedAt == null");
    }
}
