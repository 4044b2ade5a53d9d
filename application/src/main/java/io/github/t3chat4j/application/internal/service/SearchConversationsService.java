package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.SearchConversationsQuery;
import io.github.t3chat4j.application.internal.usecase.SearchConversationsUseCase;
import io.github.t3chat4j.application.port.out.SearchConversationsPort;
import io.github.t3chat4j.domain.search.SearchPage;

/** Searches the stored conversations through {@link SearchConversationsPort}, one page at a time. */
public final class SearchConversationsService implements SearchConversationsUseCase {

    private final SearchConversationsPort search;

    public SearchConversationsService(SearchConversationsPort search) {
        this.search = requireNonNull(search, "search == null");
    }

    @Override
    public SearchPage searchConversations(SearchConversationsQuery query) {
        requireNonNull(query, "query == null");
        int offset = (query.page() - 1) * query.pageSize();
        return search.search(query.query(), query.order(), offset, query.pageSize(), query.rebuild(),
                query.progress()::onProgress);
    }
}
