package io.github.t3chat4j.domain.account;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How much of the account's allowance is used, per window, and when each window resets. A
 * percentage or reset time is empty when the server did not report it.
 */
public record Usage(
        OptionalDouble fourHourPercentage,
        OptionalDouble monthPercentage,
        OptionalDouble periodPercentage,
        Optional<Instant> billingNextResetAt,
        Optional<Instant> fourHourNextResetAt,
        Optional<Instant> monthNextResetAt,
        Optional<Instant> windowNextResetAt) {

    /** Nothing known. */
    public static final Usage UNKNOWN = new Usage(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public Usage {
        requireNonNull(fourHourPercentage, "fourHourPercentage == null");
        requireNonNull(monthPercentage, "monthPercentage == null");
        requireNonNull(periodPercentage, "periodPercentage == null");
        requireNonNull(billingNextResetAt, "billingNextResetAt == null");
        requireNonNull(fourHourNextResetAt, "fourHourNextResetAt == null");
        requireNonNull(monthNextResetAt, "monthNextResetAt == null");
        requireNonNull(windowNextResetAt, "windowNextResetAt == null");
        checkPercentage(fourHourPercentage, "fourHourPercentage");
        checkPercentage(monthPercentage, "monthPercentage");
        checkPercentage(periodPercentage, "periodPercentage");
    }

    private static void checkPercentage(OptionalDouble value, String name) {
        if (value.isPresent() && (Double.isNaN(value.getAsDouble()) || value.getAsDouble() < 0)) {
            throw new IllegalArgumentException(name + " must be a non-negative number, got " + value.getAsDouble());
        }
    }
}
