package io.github.t3chat4j.application.error;

/**
 * A local file could not be read or written (the conversation store, the image store, an import file),
 * or a stored file is unreadable or from a newer version. The message names the file and says what to do.
 */
public class StorageException extends T3ChatException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param detail what could not be read or written, naming the file
     * @param remedy what to do
     */
    public StorageException(String detail, Remedy remedy) {
        super(detail, remedy);
    }
}
