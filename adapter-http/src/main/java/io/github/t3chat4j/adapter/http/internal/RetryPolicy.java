package io.github.t3chat4j.adapter.http.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * When and how long to wait before retrying a request whose reply has not started: up to
 * {@code maxRetries} retries; the server's {@code Retry-After} wins, else exponential backoff from
 * {@code initialBackoff}, half of each wait random (jitter); every wait is capped at {@code maxBackoff}.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);

    public RetryPolicy {
        requireNonNull(initialBackoff, "initialBackoff == null");
        requireNonNull(maxBackoff, "maxBackoff == null");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries cannot be negative.");
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("Backoff durations cannot be negative.");
        }
    }

    /** Up to {@code maxRetries} retries, backing off from half a second, never waiting over {@code maxBackoff}. */
    public static RetryPolicy of(int maxRetries, Duration maxBackoff) {
        return new RetryPolicy(maxRetries, DEFAULT_INITIAL_BACKOFF, maxBackoff);
    }

    /** Whether a status is worth another try: 429 and the gateway/unavailable 5xx. */
    static boolean isRetryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param jitter a random number in [0, 1); scales the exponential backoff (full jitter)
     */
    Duration delay(int retry, Optional<Duration> retryAfter, double jitter) {
        if (retryAfter.isPresent()) {
            return min(retryAfter.get(), maxBackoff);
        }
        int shift = Math.min(Math.max(retry - 1, 0), 20);
        Duration exponential = min(initialBackoff.multipliedBy(1L << shift), maxBackoff);
        long half = exponential.toMillis() / 2;
        // Half fixed, half random: never a zero wait, and clients that failed together spread out.
        return Duration.ofMillis(half + (long) (half * Math.min(Math.max(jitter, 0.0), 1.0)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
