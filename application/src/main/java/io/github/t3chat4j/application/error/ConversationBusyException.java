package io.github.t3chat4j.application.error;

/**
 * Another send to the same conversation (in this process or another {@code t3}) held its lock for
 * longer than the wait allows; the message names the process when it is known. Nothing was sent.
 */
public class ConversationBusyException extends StorageException {

    public ConversationBusyException(String message) {
        super(message);
    }
}
