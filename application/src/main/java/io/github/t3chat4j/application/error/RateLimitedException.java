package io.github.t3chat4j.application.error;

import java.time.Duration;
import java.util.Optional;

/** t3.chat answered 429 Too Many Requests, still after the client's bounded retries. */
public class RateLimitedException extends T3ChatException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("t3.chat is rate limiting this account (HTTP 429)"
                + (retryAfter == null ? "" : "; it asks to wait " + retryAfter.toSeconds() + " s")
                + ". Wait a moment and try again.");
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
