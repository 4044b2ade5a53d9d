package io.github.t3chat4j.domain.account;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The account's credits and usage as {@code getCustomerData} reports them. The {@code balance} is
 * always a number the server sent (a missing balance is an error, never a zero); when
 * {@code balanceReliable} is false the server itself says the figure may be stale.
 *
 * @param subTier the subscription tier (such as {@code "pro"}), empty when not reported
 * @param usageBand the server's usage band label, empty when not reported
 * @param billingProvider who bills the account (such as {@code "stripe"}), empty when not reported
 */
public record CustomerData(
        String subTier,
        BigDecimal balance,
        Optional<BigDecimal> lifetimeBalance,
        boolean balanceReliable,
        String usageBand,
        String billingProvider,
        Usage usage,
        Optional<Subscription> subscription) {

    public CustomerData {
        requireNonNull(subTier, "subTier == null");
        requireNonNull(balance, "balance == null");
        requireNonNull(lifetimeBalance, "lifetimeBalance == null");
        requireNonNull(usageBand, "usageBand == null");
        requireNonNull(billingProvider, "billingProvider == null");
        requireNonNull(usage, "usage == null");
        requireNonNull(subscription, "subscription == null");
    }
}
