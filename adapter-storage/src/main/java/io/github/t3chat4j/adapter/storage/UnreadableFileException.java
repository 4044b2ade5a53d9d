package io.github.t3chat4j.adapter.storage;

/** A stored document that cannot be turned back into a conversation; the message is the reason. */
final class UnreadableFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean newerSchema;

    private UnreadableFileException(String reason, boolean newerSchema) {
        super(reason);
        this.newerSchema = newerSchema;
    }

    static UnreadableFileException corrupt(String reason) {
        return new UnreadableFileException(reason, false);
    }

    static UnreadableFileException newerSchema(int version, int supported) {
        return new UnreadableFileException("it was written by a newer t3chat4j (schemaVersion " + version
                + "; this version reads up to " + supported + "); upgrade t3chat4j to read it", true);
    }

    /** True when the file is fine but from a newer version: it must never be replaced or set aside. */
    boolean isNewerSchema() {
        return newerSchema;
    }
}
