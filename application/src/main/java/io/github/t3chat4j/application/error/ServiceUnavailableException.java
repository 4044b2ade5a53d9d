package io.github.t3chat4j.application.error;

import java.time.Duration;
import java.util.Optional;

/** t3.chat answered with a server error (5xx), still after the client's bounded retries. */
public class ServiceUnavailableException extends T3ChatException {

    private final int statusCode;
    private final Duration retryAfter;

    public ServiceUnavailableException(int statusCode, Duration retryAfter) {
        super("t3.chat is unavailable (HTTP " + statusCode + "). Try again in a minute.");
        this.statusCode = statusCode;
        this.retryAfter = retryAfter;
    }

    public int statusCode() {
        return statusCode;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
