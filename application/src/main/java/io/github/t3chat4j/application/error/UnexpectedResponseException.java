package io.github.t3chat4j.application.error;

/**
 * t3.chat answered in a way the protocol does not foresee: an unexpected status, or a body that does
 * not parse. The message names the request and the status, and the server's short message if any.
 */
public class UnexpectedResponseException extends T3ChatException {

    private final int statusCode;

    public UnexpectedResponseException(String message, int statusCode) {
        super(message);
        this.statusCode = statusCode;
    }

    /** The HTTP status, or 0 when the status was fine and the body was the problem. */
    public int statusCode() {
        return statusCode;
    }
}
