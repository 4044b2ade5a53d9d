package io.github.t3chat4j.application.error;

/** The request could not reach t3.chat or the connection failed (DNS, refused, reset, timed out). */
public class TransportException extends T3ChatException {

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
