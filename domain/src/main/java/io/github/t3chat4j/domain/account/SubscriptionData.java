package io.github.t3chat4j.domain.account;

import static java.util.Objects.requireNonNull;

/** Whether the account pays, and its tier, as {@code getSubscriptionData} reports them. */
public record SubscriptionData(boolean paid, String subTier) {

    public SubscriptionData {
        requireNonNull(subTier, "subTier == null");
    }
}
