package io.github.t3chat4j.domain.catalog;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;

/** What a model costs, in US dollars per million tokens; a price is empty when the catalogue gives none. */
public record ModelCost(Optional<BigDecimal> inputPerMillion, Optional<BigDecimal> outputPerMillion,
        Optional<BigDecimal> cacheReadPerMillion, Optional<BigDecimal> cacheWritePerMillion) {

    /** No price known. */
    public static final ModelCost UNKNOWN = new ModelCost(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public ModelCost {
        requireNonNull(inputPerMillion, "inputPerMillion == null");
        requireNonNull(outputPerMillion, "outputPerMillion == null");
        requireNonNull(cacheReadPerMillion, "cacheReadPerMillion == null");
        requireNonNull(cacheWritePerMillion, "cacheWritePerMillion == null");
    }

    public boolean isKnown() {
        return inputPerMillion.isPresent() || outputPerMillion.isPresent();
    }
}
