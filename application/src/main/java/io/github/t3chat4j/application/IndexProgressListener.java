package io.github.t3chat4j.application;

/**
 * Hears how far the search index has come while a search brings it up to date with the stored
 * conversations (all of them on the first search, the changed ones later), on the searching thread:
 * files read so far and how many there are to read. Called only when there is much to read, never for
 * a search the index can answer at once.
 */
@FunctionalInterface
public interface IndexProgressListener {

    /** A listener that ignores progress. */
    IndexProgressListener NONE = (indexed, toIndex) -> { };

    void onProgress(int indexed, int toIndex);
}
