package io.github.t3chat4j.domain.account;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The credits one reply used: the balance read before the send, the balance read after it settled,
 * and their difference. The difference is only reported when it can be trusted; otherwise
 * {@link #deducted()} is empty and {@link #reason()} says why (never a silent zero).
 *
 * @param finishReason the reply's finish reason, empty when unknown
 * @param reason empty when trusted, else one sentence such as "unchanged after 8 polls"
 */
public record CreditUsage(Optional<BigDecimal> before, Optional<BigDecimal> after, Trust trust, String finishReason,
        String reason) {

    /** Whether the deduction can be believed. */
    public enum Trust {
        /** Both balances were read, the server called them reliable, and the balance changed. */
        TRUSTED,
        /** The server flagged the balance as unreliable ({@code isBalanceReliable: false}). */
        UNRELIABLE,
        /** The balance did not change within the polling bound: the charge may not have settled yet. */
        UNCHANGED,
        /** A balance could not be read at all. */
        UNREADABLE
    }

    public CreditUsage {
        requireNonNull(before, "before == null");
        requireNonNull(after, "after == null");
        requireNonNull(trust, "trust == null");
        requireNonNull(finishReason, "finishReason == null");
        requireNonNull(reason, "reason == null");
        if (trust == Trust.TRUSTED && (before.isEmpty() || after.isEmpty())) {
            throw new IllegalArgumentException("A trusted credit usage needs both balances.");
        }
        if (trust != Trust.TRUSTED && reason.isBlank()) {
            throw new IllegalArgumentException("An untrusted credit usage must say why.");
        }
    }

    /** Both balances read, the balance changed and the server called it reliable. */
    public static CreditUsage trusted(BigDecimal before, BigDecimal after, String finishReason) {
        return new CreditUsage(Optional.of(before), Optional.of(after), Trust.TRUSTED, finishReason, "");
    }

    /** A result whose deduction cannot be believed, with the balances that could be read. */
    public static CreditUsage untrusted(Trust trust, Optional<BigDecimal> before, Optional<BigDecimal> after,
            String finishReason, String reason) {
        if (trust == Trust.TRUSTED) {
            throw new IllegalArgumentException("Use CreditUsage.trusted(..) for a trusted result.");
        }
        return new CreditUsage(before, after, trust, finishReason, reason);
    }

    public boolean isTrusted() {
        return trust == Trust.TRUSTED;
    }

    /** {@code before - after} when trusted; empty otherwise. */
    public Optional<BigDecimal> deducted() {
        return isTrusted() ? Optional.of(before.get().subtract(after.get())) : Optional.empty();
    }

    /** One line for people: "12 credits (1000 → 988)" or "unknown: unchanged after 8 polls". */
    public String describe() {
        if (isTrusted()) {
            return deducted().get().stripTrailingZeros().toPlainString() + " credits ("
                    + before.get().stripTrailingZeros().toPlainString() + " → "
                    + after.get().stripTrailingZeros().toPlainString() + ")";
        }
        return "unknown: " + reason;
    }
}
