package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.search.SearchOrder;
import io.github.t3chat4j.domain.search.SearchPage;
import io.github.t3chat4j.domain.search.SearchQuery;

/**
 * Full-text search over the stored conversations: the hits from {@code offset} on, at most {@code limit},
 * over an index the adapter keeps in step with the stored conversations before it answers (built from
 * them afresh when {@code rebuild}). Thread-safe; safe with other processes searching and saving at
 * the same time. Throws {@link io.github.t3chat4j.application.error.StorageException} when it cannot
 * search at all.
 */
@FunctionalInterface
public interface SearchConversationsPort {

    SearchPage search(SearchQuery query, SearchOrder order, int offset, int limit, boolean rebuild,
            IndexingProgress progress);

    /** Files read so far, of how many, while the index is brought up to date; on the searching thread. */
    @FunctionalInterface
    interface IndexingProgress {
        void onProgress(int indexed, int toIndex);
    }
}
