package io.github.t3chat4j.application.error;

/** The client was closed: nothing more can be sent or read through it. Build a new one. */
public class ClientClosedException extends T3ChatException {

    /**
     * @param message what was attempted on the closed client
     */
    public ClientClosedException(String message) {
        super(message);
    }
}
