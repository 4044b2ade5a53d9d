package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.domain.search.SearchOrder;
import io.github.t3chat4j.domain.search.SearchQuery;
import java.time.Clock;

/**
 * A search of the stored conversations: what to look for, in which order, which page (counting from 1)
 * of how many hits, whether to rebuild the index from the files first, and who hears the indexing's
 * progress. Build one with {@link #of(String)} and the {@code with…} methods.
 */
public record SearchConversationsQuery(SearchQuery query, SearchOrder order, int page, int pageSize, boolean rebuild,
        IndexProgressListener progress) {

    /** The page size when none is given. */
    public static final int DEFAULT_PAGE_SIZE = 20;
    /** The largest page size. */
    public static final int MAX_PAGE_SIZE = 1000;

    public SearchConversationsQuery {
        requireNonNull(query, "query == null");
        requireNonNull(order, "order == null");
        requireNonNull(progress, "progress == null");
        if (page < 1) {
            throw new InvalidInputException("The page number counts from 1, got " + page + ".");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInputException("A page holds 1 to " + MAX_PAGE_SIZE + " hits, got " + pageSize + ".");
        }
        if ((long) page * pageSize > Integer.MAX_VALUE) {
            throw new InvalidInputException("Page " + page + " is further than any search reaches.");
        }
        if (query.isEmpty()) {
            throw new InvalidInputException("Nothing to search for.");
        }
    }

    /**
     * The first page, by relevance, of {@code text} in the query language of {@link SearchQuery}, its dates
     * read in the system's time zone.
     *
     * @throws InvalidInputException saying what is wrong with the text
     */
    public static SearchConversationsQuery of(String text) {
        return of(text, Clock.systemDefaultZone());
    }

    /** As {@link #of(String)}, reading dates in {@code clock}'s zone and ages back from its time. */
    public static SearchConversationsQuery of(String text, Clock clock) {
        requireNonNull(text, "text == null");
        requireNonNull(clock, "clock == null");
        SearchQuery query = InvalidInputException.whenInvalid(() -> SearchQuery.parse(text, clock.getZone(),
                clock.instant()));
        return new SearchConversationsQuery(query, SearchOrder.RELEVANCE, 1, DEFAULT_PAGE_SIZE, false,
                IndexProgressListener.NONE);
    }

    public SearchConversationsQuery withOrder(SearchOrder value) {
        return new SearchConversationsQuery(query, value, page, pageSize, rebuild, progress);
    }

    public SearchConversationsQuery withPage(int value) {
        return new SearchConversationsQuery(query, order, value, pageSize, rebuild, progress);
    }

    public SearchConversationsQuery withPageSize(int value) {
        return new SearchConversationsQuery(query, order, page, value, rebuild, progress);
    }

    /** With {@code true}, the index is built afresh from the conversation files before searching. */
    public SearchConversationsQuery withRebuild(boolean value) {
        return new SearchConversationsQuery(query, order, page, pageSize, value, progress);
    }

    public SearchConversationsQuery withProgress(IndexProgressListener value) {
        return new SearchConversationsQuery(query, order, page, pageSize, rebuild, value);
    }

    /** The page after this one. */
    public SearchConversationsQuery nextPage() {
        return withPage(page + 1);
    }
}
