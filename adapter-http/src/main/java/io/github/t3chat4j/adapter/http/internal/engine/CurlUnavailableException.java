package io.github.t3chat4j.adapter.http.internal.engine;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.Remedy;

/**
 * The curl engine cannot run: no {@code curl} program where configured, or one too old. The message
 * says what to install or configure; it is a setup problem, not a network failure.
 */
public final class CurlUnavailableException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    /**
     * @param detail what is wrong with the curl program; the advice of {@link Remedy#CURL_PROGRAM} follows
     */
    public CurlUnavailableException(String detail) {
        super(detail, Remedy.CURL_PROGRAM);
    }
}
