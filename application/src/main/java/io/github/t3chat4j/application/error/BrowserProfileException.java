package io.github.t3chat4j.application.error;

/**
 * A browser profile exists but its t3.chat session cannot be read: a cookie value that cannot be
 * decrypted, a key the desktop keyring will not give, a database that cannot be copied or opened. The
 * message names the browser, the file and what to do, never a value.
 */
public class BrowserProfileException extends StorageException {

    public BrowserProfileException(String message) {
        super(message);
    }

    public BrowserProfileException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param detail what cannot be read, naming the browser and the file
     * @param remedy what to do instead
     */
    public BrowserProfileException(String detail, Remedy remedy) {
        super(detail, remedy);
    }
}
