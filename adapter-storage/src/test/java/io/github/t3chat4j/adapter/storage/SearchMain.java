package io.github.t3chat4j.adapter.storage;

import io.github.t3chat4j.domain.search.SearchOrder;
import io.github.t3chat4j.domain.search.SearchPage;
import io.github.t3chat4j.domain.search.SearchQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/** A second process for the search tests: searches the folder for a query and prints the total and the notices. */
public final class SearchMain {

    private SearchMain() {
    }

    public static void main(String[] args) {
        StorageAdapters storage = StorageAdapters.create(new StorageConfig(Path.of(args[0])));
        SearchPage page = storage.conversationSearch().orElseThrow().search(SearchQuery.parse(args[1], ZoneOffset.UTC, Instant.now()),
                SearchOrder.RELEVANCE, 0, 10, false, (done, all) -> { });
        System.out.println(page.total() + " " + page.notices());
    }
}
