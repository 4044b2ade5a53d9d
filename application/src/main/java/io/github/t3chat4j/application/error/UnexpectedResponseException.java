package io.github.t3chat4j.application.error;

/**
 * t3.chat answered in a way the protocol does not foresee: an unexpected status, or a body that does
 * not parse. The message names the request and the status, and the server's short message if any.
 */
public class UnexpectedResponseException extends T3ChatException {

    private final int statusCode;

    /**
     * @param message what was unexpected, naming the request
     * @param statusCode the HTTP status, or 0 when the status was fine and the body was the problem
     */
    public UnexpectedResponseException(String message, int statusCode) {
        super(message);
        this.statusCode = statusCode;
    }

    /**
     * @param detail what was unexpected, naming the request
     * @param statusCode the HTTP status, or 0 when the status was fine and the body was the problem
     * @param remedy what to change (a limit to raise, say)
     */
    public UnexpectedResponseException(String detail, int statusCode, Remedy remedy) {
        super(detail, remedy);
        this.statusCode = statusCode;
    }

    /** The HTTP status, or 0 when the status was fine and the body was the problem. */
    public int statusCode() {
        return statusCode;
    }
}
