package io.github.t3chat4j.application.error;

/** The request could not reach t3.chat or the connection failed (DNS, refused, reset, timed out). */
public class TransportException extends T3ChatException {

    /**
     * @param message what failed
     * @param cause the underlying failure, or null
     */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param detail what failed
     * @param remedy what to change
     * @param cause the underlying failure, or null
     */
    public TransportException(String detail, Remedy remedy, Throwable cause) {
        super(detail, remedy, cause);
    }
}
