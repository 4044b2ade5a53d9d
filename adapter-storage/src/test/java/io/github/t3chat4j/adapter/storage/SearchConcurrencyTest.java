package io.github.t3chat4j.adapter.storage;

import static io.github.t3chat4j.adapter.storage.SearchIndexAdapterTest.T0;
import static io.github.t3chat4j.adapter.storage.SearchIndexAdapterTest.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.domain.search.SearchHit;
import io.github.t3chat4j.domain.search.SearchOrder;
import io.github.t3chat4j.domain.search.SearchPage;
import io.github.t3chat4j.domain.search.SearchQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Searching while other processes save, delete and search the same folder. */
class SearchConcurrencyTest {

    @TempDir
    Path folder;

    private static Process start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static SearchPage search(StorageAdapters storage, String text, int limit) {
        return storage.conversationSearch().orElseThrow().search(SearchQuery.parse(text, ZoneOffset.UTC, Instant.now()),
                SearchOrder.NEWEST, 0, limit, false, (done, all) -> { });
    }

    /** What the writer leaves: every even conversation, and none of the odd ones. */
    private static Set<String> survivors(int count) {
        Set<String> left = new HashSet<>();
        for (int i = 0; i < count; i += 2) {
            left.add("churn" + i);
        }
        return left;
    }

    @Test
    @Timeout(120)
    void searchesWhileAnotherProcessSavesAndDeletes() throws Exception {
        int count = 80;
        StorageAdapters storage = StorageAdapters.create(new StorageConfig(folder));
        storage.conversationStore().orElseThrow().save(conversation("steady", "gpt-5", T0, "a steady conversation about churn"));
        Process writer = start(ChurnConversationsMain.class, folder.toString(), Integer.toString(count));
        int searches = 0;
        Set<String> everSeen = new HashSet<>();
        while (writer.isAlive()) {
            SearchPage page = search(storage, "churn", 1000);
            searches++;
            assertThat(page.notices()).isEmpty();
            for (SearchHit hit : page.hits()) {
                everSeen.add(hit.threadId().value());
                assertThat(hit.snippet().text()).containsIgnoringCase("churn");
            }
            assertThat(page.hits()).extracting(h -> h.threadId().value()).contains("steady").doesNotHaveDuplicates();
        }
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("done");
        assertThat(writer.exitValue()).isZero();

        SearchPage after = search(storage, "churn", 1000);
        Set<String> expected = survivors(count);
        expected.add("steady");
        assertThat(after.hits()).extracting(h -> h.threadId().value()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(after.total()).isEqualTo(expected.size());
        assertThat(searches).as("searches made while the writer ran").isGreaterThan(1);
        assertThat(everSeen).as("some deleted conversations were seen before they went")
                .containsAnyElementsOf(List.of("churn1", "churn3", "churn5", "churn51", "churn101"));
    }

    @Test
    @Timeout(120)
    void processesBuildingTheIndexAtOnceAllGetTheAnswer() throws Exception {
        StorageAdapters storage = StorageAdapters.create(new StorageConfig(folder));
        for (int i = 0; i < 400; i++) {
            ConversationFiles.write(folder, conversation("c" + i, "gpt-5", T0, "shared word " + i, "answer " + i));
        }
        List<Process> others = List.of(start(SearchMain.class, folder.toString(), "shared"),
                start(SearchMain.class, folder.toString(), "shared"));

        SearchPage mine = search(storage, "shared", 10);

        assertThat(mine.total()).isEqualTo(400);
        for (Process other : others) {
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo("400 []");
        }
        assertThat(search(storage, "answer", 10).total()).isEqualTo(400);
    }
}
