package io.github.t3chat4j.application.error;

/**
 * The client was built without the adapter this needs (an image store, account access, a conversation
 * store); the message names it and how to pass one.
 */
public class NotConfiguredException extends InvalidInputException {

    public NotConfiguredException(String message) {
        super(message);
    }
}
