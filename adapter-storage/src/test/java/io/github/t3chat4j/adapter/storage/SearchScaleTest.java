package io.github.t3chat4j.adapter.storage;

import static io.github.t3chat4j.adapter.storage.SearchIndexAdapterTest.T0;
import static io.github.t3chat4j.adapter.storage.SearchIndexAdapterTest.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.SearchConversationsQuery;
import io.github.t3chat4j.domain.search.SearchOrder;
import io.github.t3chat4j.domain.search.SearchPage;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** 10,000 generated conversations: every count exact, every page whole, changes seen. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchScaleTest {

    private static final int COUNT = 10_000;
    private static final String[] MODELS = {"claude-4-sonnet", "gpt-5", "gemini-2.5-flash", "deepseek-r1"};
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path folder;
    private LocalClient local;
    private final Set<Integer> changed = new HashSet<>();

    @BeforeAll
    void writeTenThousandConversations() {
        ConversationFiles.writeMany(folder, COUNT, i -> {
            StringBuilder question = new StringBuilder("question ").append(i).append(" everywhere");
            if (i % 10 == 0) {
                question.append(" tenth");
            }
            if (i % 100 == 0) {
                question.append(" 東京タワー");
            }
            if (i == 4242) {
                question.append(" needle-in-a-haystack");
            }
            String answer = "answer " + i + (i % 3 == 0 ? " third Café" : " other cafe") + " everywhere";
            return new String[] {String.format("conv%05d", i), MODELS[i % 4], T0.plusSeconds(3600L * i).toString(),
                question.toString(), answer};
        });
        local = LocalClient.of(StorageAdapters.create(new StorageConfig(folder)));
    }

    private SearchPage search(String text) {
        return search(SearchConversationsQuery.of(text, CLOCK));
    }

    private SearchPage search(SearchConversationsQuery query) {
        return local.searchConversations(query);
    }

    @Test
    void countsAreExact() {
        assertThat(search("everywhere").total()).isEqualTo(COUNT);
        assertThat(search("tenth").total()).isEqualTo(COUNT / 10);
        assertThat(search("東京").total()).isEqualTo(COUNT / 100);
        assertThat(search("cafe").total()).isEqualTo(COUNT);
        assertThat(search("third").total()).isEqualTo(3334);
        assertThat(search("tenth -third").total()).isEqualTo(1000 - 334);
        assertThat(search("model:gpt-5 tenth").total()).isEqualTo(0);
        assertThat(search("model:gemini-2.5-flash tenth").total()).isEqualTo(500);
        assertThat(search("role:assistant tenth").total()).isZero();
        assertThat(search("role:user tenth").total()).isEqualTo(1000);
        assertThat(search("\"needle in a haystack\"").hits()).extracting(h -> h.threadId().value())
                .containsExactly("conv04242");
    }

    @Test
    void dateRangesAreExact() {
        // conversation i asks at T0 + i hours; T0 is 2026-03-01T10:00Z; 240 conversations a ten-day stretch.
        SearchPage march = search("role:user after:2026-03-11 before:2026-03-21");
        assertThat(march.total()).isEqualTo(240);
    }

    @Test
    void pagesCoverEveryHitOnce() {
        SearchConversationsQuery query = SearchConversationsQuery.of("東京", CLOCK).withPageSize(9)
                .withOrder(SearchOrder.NEWEST);
        Set<String> seen = new HashSet<>();
        int pages = 0;
        for (SearchConversationsQuery q = query; ; q = q.nextPage()) {
            SearchPage page = search(q);
            pages++;
            page.hits().forEach(h -> assertThat(seen.add(h.threadId().value())).isTrue());
            if (!page.hasNextPage()) {
                break;
            }
        }
        assertThat(seen).hasSize(100);
        assertThat(pages).isEqualTo(12);
        assertThat(seen).allMatch(id -> Integer.parseInt(id.substring(4)) % 100 == 0);
    }

    @Test
    void changesAmongTenThousandAreSeen() throws IOException {
        search("everywhere");
        StorageAdapters storage = StorageAdapters.create(new StorageConfig(folder));
        for (int i = 0; i < 10; i++) {
            storage.conversationStore().orElseThrow().deleteConversation(ThreadId.of(String.format("conv%05d", i * 10)));
        }
        Files.delete(folder.resolve("conversations").resolve("conv00001.json"));
        storage.conversationStore().orElseThrow().save(conversation("conv00003", "gpt-5", T0, "rewritten entirely"));

        assertThat(search("tenth").total()).isEqualTo(990);
        assertThat(search("everywhere").total()).isEqualTo(COUNT - 12);
        assertThat(search("rewritten").hits()).extracting(h -> h.threadId().value()).containsExactly("conv00003");
    }
}
