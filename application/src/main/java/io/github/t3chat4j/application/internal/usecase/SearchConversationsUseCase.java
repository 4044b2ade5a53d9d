package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.application.SearchConversationsQuery;
import io.github.t3chat4j.domain.search.SearchPage;

/**
 * Searches the stored conversations' messages and titles, and returns one page of the conversations
 * that match, each with a highlighted snippet. The conversation files are the truth: the index behind
 * the search is brought up to date with them first (built on the first search, rebuilt when it is
 * missing or damaged), so a conversation saved or deleted by any program is found, or not, at once.
 * Unreadable files are reported in {@link SearchPage#problems()}, never thrown.
 */
@FunctionalInterface
public interface SearchConversationsUseCase {

    /**
     * @throws io.github.t3chat4j.application.error.StorageException when the conversations cannot be read
     *     at all, or the index cannot be used even in memory
     */
    SearchPage searchConversations(SearchConversationsQuery query);
}
