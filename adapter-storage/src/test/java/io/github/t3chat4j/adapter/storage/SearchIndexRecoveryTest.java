package io.github.t3chat4j.adapter.storage;

import static io.github.t3chat4j.adapter.storage.SearchIndexAdapterTest.T0;
import static io.github.t3chat4j.adapter.storage.SearchIndexAdapterTest.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.domain.search.SearchOrder;
import io.github.t3chat4j.domain.search.SearchPage;
import io.github.t3chat4j.domain.search.SearchQuery;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is a cache of the files: missing, damaged, stale, foreign or out of reach, a search still answers from the files. */
class SearchIndexRecoveryTest {

    @TempDir
    Path folder;
    private StorageAdapters storage;
    private Path index;

    @BeforeEach
    void setUp() {
        storage = StorageAdapters.create(new StorageConfig(folder));
        index = folder.resolve("cache").resolve("search").resolve("index.db");
        storage.conversationStore().orElseThrow().save(conversation("alpha", "gpt-5", T0, "the alpha conversation about kestrels"));
        storage.conversationStore().orElseThrow().save(conversation("beta", "gpt-5", T0, "the beta conversation about falcons"));
    }

    private SearchPage search(String text) {
        return search(text, false);
    }

    private SearchPage search(String text, boolean rebuild) {
        return storage.conversationSearch().orElseThrow().search(SearchQuery.parse(text, ZoneOffset.UTC, Instant.now()),
                SearchOrder.RELEVANCE, 0, 20, rebuild, (done, all) -> { });
    }

    private static List<String> ids(SearchPage page) {
        return page.hits().stream().map(h -> h.threadId().value()).toList();
    }

    @Test
    void aDeletedIndexIsBuiltAgain() throws IOException {
        search("kestrels");
        Files.delete(index);

        SearchPage page = search("kestrels");

        assertThat(ids(page)).containsExactly("alpha");
        assertThat(page.notices()).isEmpty();
        assertThat(index).isRegularFile();
        assertThat(Files.getPosixFilePermissions(index)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aTruncatedIndexIsBuiltAgain() throws IOException {
        for (int i = 0; i < 200; i++) {
            ConversationFiles.write(folder, conversation("more" + i, "gpt-5", T0, "padding words number " + i));
        }
        search("kestrels");
        long size = Files.size(index);
        try (RandomAccessFile file = new RandomAccessFile(index.toFile(), "rw")) {
            file.setLength(size / 2);
        }

        SearchPage page = search("kestrels");

        assertThat(ids(page)).containsExactly("alpha");
        assertThat(page.notices()).singleElement().asString().contains("damaged").contains("built again");
        assertThat(search("padding").total()).isEqualTo(200);
    }

    @Test
    void anIndexOverwrittenWithGarbageIsBuiltAgain() throws IOException {
        search("kestrels");
        try (RandomAccessFile file = new RandomAccessFile(index.toFile(), "rw")) {
            file.write("this is not an SQLite database at all, not even its header".getBytes(StandardCharsets.US_ASCII));
        }

        SearchPage page = search("falcons");

        assertThat(ids(page)).containsExactly("beta");
        assertThat(page.notices()).singleElement().asString().contains("damaged");
        assertThat(search("falcons").notices()).isEmpty();
    }

    @Test
    void anEmptyOrForeignFileIsBuiltAgain() throws IOException {
        Files.createDirectories(index.getParent());
        Files.write(index, new byte[0]);
        assertThat(ids(search("falcons"))).containsExactly("beta");

        Files.writeString(index, "x".repeat(10_000));
        assertThat(ids(search("falcons"))).containsExactly("beta");
    }

    @Test
    void anIndexOlderThanTheFilesCatchesUp() throws IOException {
        search("kestrels");
        Path old = folder.resolve("old-index.db");
        Files.copy(index, old);
        storage.conversationStore().orElseThrow().save(conversation("gamma", "gpt-5", T0, "gamma is about kestrels too"));
        storage.conversationStore().orElseThrow().save(conversation("beta", "gpt-5", T0, "beta now talks about kestrels"));
        Files.delete(folder.resolve("conversations").resolve("alpha.json"));

        Files.copy(old, index, StandardCopyOption.REPLACE_EXISTING);
        SearchPage page = search("kestrels");

        assertThat(ids(page)).containsExactlyInAnyOrder("gamma", "beta");
        assertThat(search("falcons").hits()).isEmpty();
    }

    @Test
    void aFileChangedBehindTheFoldersBackIsSeenWhenRebuilding() throws IOException {
        search("kestrels");
        Path file = folder.resolve("conversations").resolve("alpha.json");
        Path conversations = file.getParent();
        FileTime folderTime = Files.getLastModifiedTime(conversations);
        String json = Files.readString(file).replace("kestrels", "ospreys!");
        Files.writeString(file, json); // in place, as some editors write: the folder does not change
        Files.setLastModifiedTime(conversations, folderTime);

        assertThat(ids(search("ospreys", true))).containsExactly("alpha");
        assertThat(search("kestrels").hits()).isEmpty();
    }

    @Test
    void anIndexOfAnotherVersionIsBuiltAgain() throws Exception {
        search("kestrels");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + index); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 7");
            s.execute("DELETE FROM messages");
        }

        assertThat(ids(search("kestrels"))).containsExactly("alpha");
    }

    @Test
    void anIndexOfAnotherFolderIsBuiltAgain() throws IOException {
        search("kestrels");
        Path elsewhere = folder.resolve("elsewhere");
        StorageAdapters other = StorageAdapters.create(new StorageConfig(elsewhere, folder.resolve("config"),
                folder.resolve("cache"), folder.resolve("state")));
        other.conversationStore().orElseThrow().save(conversation("delta", "gpt-5", T0, "delta watches kestrels"));

        SearchPage page = other.conversationSearch().orElseThrow().search(SearchQuery.parse("kestrels", ZoneOffset.UTC, Instant.now()),
                SearchOrder.RELEVANCE, 0, 20, false, (d, a) -> { });

        assertThat(ids(page)).containsExactly("delta");
        assertThat(ids(search("kestrels"))).containsExactly("alpha");
    }

    @Test
    void anIndexThatCannotBeKeptOnDiskIsBuiltInMemory() throws IOException {
        Files.createDirectories(folder.resolve("cache"));
        Files.writeString(folder.resolve("cache").resolve("search"), "a file where the index folder should be");

        SearchPage page = search("kestrels");

        assertThat(ids(page)).containsExactly("alpha");
        assertThat(page.notices()).singleElement().asString().contains("could not be kept")
                .contains("read every conversation");
    }

    @Test
    void aDeleteSucceedsWhateverTheIndex() throws IOException {
        search("kestrels");
        Files.writeString(index, "garbage");
        storage.conversationStore().orElseThrow().deleteConversation(ThreadId.of("alpha"));
        assertThat(folder.resolve("conversations").resolve("alpha.json")).doesNotExist();

        Files.delete(index);
        Files.createDirectories(index);
        storage.conversationStore().orElseThrow().deleteConversation(ThreadId.of("beta"));
        assertThat(folder.resolve("conversations").resolve("beta.json")).doesNotExist();
    }

    @Test
    void aSaveNeverTouchesTheIndex() throws IOException {
        Files.createDirectories(index.getParent());
        Files.writeString(index, "garbage");
        FileTime before = Files.getLastModifiedTime(index);

        storage.conversationStore().orElseThrow().save(conversation("gamma", "gpt-5", T0, "saved while the index is broken"));

        assertThat(Files.readString(index)).isEqualTo("garbage");
        assertThat(Files.getLastModifiedTime(index)).isEqualTo(before);
    }

    @Test
    void anIndexHeldTooLongByAnotherProcessIsReportedWithItsHolder() throws Exception {
        search("kestrels");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldSearchIndexLockMain.class.getName(), index.resolveSibling("index.lock").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");
            SearchIndexAdapter impatient = new SearchIndexAdapter(new StorageConfig(folder),
                    new ConversationJson(ConversationJson.newMapper()), Duration.ofMillis(300));

            assertThatThrownBy(() -> impatient.search(SearchQuery.parse("kestrels", ZoneOffset.UTC, Instant.now()),
                    SearchOrder.RELEVANCE, 0, 20, false, (d, a) -> { }))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("in use by process " + holder.pid());
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertThat(ids(search("kestrels"))).containsExactly("alpha");
    }
}
