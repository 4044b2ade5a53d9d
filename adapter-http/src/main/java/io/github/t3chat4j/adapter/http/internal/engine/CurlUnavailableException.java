package io.github.t3chat4j.adapter.http.internal.engine;

import io.github.t3chat4j.application.error.InvalidInputException;

/**
 * The curl engine cannot run: no {@code curl} program where configured, or one too old. The message
 * says what to install or configure; it is a setup problem, not a network failure.
 */
public final class CurlUnavailableException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public CurlUnavailableException(String message) {
        super(message);
    }
}
