package io.github.t3chat4j.domain.account;

import static java.util.Objects.requireNonNull;

/** One product t3.chat sells (a plan or an add-on such as a credit pack). */
public record PricingProduct(String id, String name, boolean addOn, String scenario, boolean free) {

    public PricingProduct {
        requireNonNull(id, "id == null");
        requireNonNull(name, "name == null");
        requireNonNull(scenario, "scenario == null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A pricing product needs an id.");
        }
    }
}
