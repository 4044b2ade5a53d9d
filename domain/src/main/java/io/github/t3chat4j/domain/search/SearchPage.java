package io.github.t3chat4j.domain.search;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.thread.StorageProblem;
import java.util.List;

/**
 * One page of what a search found: the hits of this page in order, how many conversations matched in
 * all, where the page starts ({@code offset}) and how long pages are ({@code limit}); the conversation
 * files that could not be read (skipped, as a listing skips them), and notices about the search itself
 * (such as an index that could not be kept on disk), each a sentence.
 */
public record SearchPage(List<SearchHit> hits, int total, int offset, int limit, List<StorageProblem> problems,
        List<String> notices) {

    public SearchPage {
        hits = List.copyOf(requireNonNull(hits, "hits == null"));
        problems = List.copyOf(requireNonNull(problems, "problems == null"));
        notices = List.copyOf(requireNonNull(notices, "notices == null"));
        if (offset < 0 || limit < 1 || total < 0) {
            throw new IllegalArgumentException("A page needs offset >= 0, limit >= 1 and total >= 0.");
        }
    }

    /** This page's number, counting from 1. */
    public int pageNumber() {
        return offset / limit + 1;
    }

    /** How many pages of this length the matches fill (at least 1). */
    public int pageCount() {
        return Math.max(1, (total + limit - 1) / limit);
    }

    /** Whether more matches follow this page. */
    public boolean hasNextPage() {
        return offset + hits.size() < total && !hits.isEmpty();
    }
}
