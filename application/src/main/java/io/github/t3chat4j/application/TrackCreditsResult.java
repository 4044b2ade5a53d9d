package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.account.CreditUsage;

/** What the tracked send returned, and the credits it used. */
public record TrackCreditsResult<T>(T value, CreditUsage usage) {

    public TrackCreditsResult {
        requireNonNull(value, "value == null");
        requireNonNull(usage, "usage == null");
    }
}
