package io.github.t3chat4j.application;

/** What an import does with a thread that is already stored. Neither choice ever drops a stored message. */
public enum ExistingThreadPolicy {
    /** Leave the stored conversation exactly as it is and report the thread as skipped. */
    SKIP,
    /**
     * Add the imported messages whose ids the stored conversation lacks, in time order; the stored
     * messages, title, model and settings stay as they are.
     */
    MERGE
}
