package io.github.t3chat4j.application.internal.usecase;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Measure the credits one send uses.
 *
 * @param maxPolls how often the balance is read after the send, at most, waiting for it to change
 * @param pollInterval the wait before each of those reads
 */
public record TrackCreditsCommand(int maxPolls, Duration pollInterval) {

    /** The reference client's bound: 8 reads. */
    public static final int DEFAULT_MAX_POLLS = 8;
    /** The reference client's wait: 200 ms. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);

    public TrackCreditsCommand {
        requireNonNull(pollInterval, "pollInterval == null");
        if (maxPolls < 1) {
            throw new IllegalArgumentException("maxPolls must be at least 1, got " + maxPolls);
        }
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("pollInterval cannot be negative.");
        }
    }

    /** Tracks with the default bound (8 reads, 200 ms apart). */
    public static TrackCreditsCommand defaults() {
        return new TrackCreditsCommand(DEFAULT_MAX_POLLS, DEFAULT_POLL_INTERVAL);
    }
}
