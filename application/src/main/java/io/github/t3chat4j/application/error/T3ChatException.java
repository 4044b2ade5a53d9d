package io.github.t3chat4j.application.error;

/**
 * The root of every failure t3chat4j reports. Unchecked: callers catch it where they can act. The
 * message is one or two sentences saying what went wrong and what to do; it never holds a secret.
 */
public class T3ChatException extends RuntimeException {

    public T3ChatException(String message) {
        super(message);
    }

    public T3ChatException(String message, Throwable cause) {
        super(message, cause);
    }
}
