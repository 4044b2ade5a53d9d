package io.github.t3chat4j.domain.account;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The paid subscription behind an account, as t3.chat's billing provider describes it. Text fields
 * are empty when the server left them out; dates are empty when unknown or not applicable.
 */
public record Subscription(
        String productId,
        String productName,
        String status,
        Optional<Instant> currentPeriodStart,
        Optional<Instant> currentPeriodEnd,
        Optional<Instant> canceledAt,
        Optional<Instant> trialEndsAt) {

    public Subscription {
        requireNonNull(productId, "productId == null");
        requireNonNull(productName, "productName == null");
        requireNonNull(status, "status == null");
        requireNonNull(currentPeriodStart, "currentPeriodStart == null");
        requireNonNull(currentPeriodEnd, "currentPeriodEnd == null");
        requireNonNull(canceledAt, "canceledAt == null");
        requireNonNull(trialEndsAt, "trialEndsAt == null");
    }
}
