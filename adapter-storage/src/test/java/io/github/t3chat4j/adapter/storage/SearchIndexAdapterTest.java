package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.SearchConversationsQuery;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.search.SearchHit;
import io.github.t3chat4j.domain.search.SearchOrder;
import io.github.t3chat4j.domain.search.SearchPage;
import io.github.t3chat4j.domain.search.Snippet;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every query form, and the index's life (built, updated, rebuilt), on real folders through the storage adapters. */
class SearchIndexAdapterTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;
    private StorageAdapters storage;
    private LocalClient local;

    @BeforeEach
    void setUp() {
        storage = StorageAdapters.create(new StorageConfig(folder));
        local = LocalClient.of(storage);
    }

    /** A conversation of {@code model}: messages alternate user and assistant, one day apart from {@code start}. */
    static Conversation conversation(String id, String model, Instant start, String... texts) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            Role role = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
            Message.Builder m = Message.builder(role).id(MessageId.of(id + "-" + i)).text(texts[i])
                    .createdAt(start.plusSeconds(86_400L * i));
            if (role == Role.ASSISTANT) {
                m.model(ModelId.of(model));
            }
            messages.add(m.build());
        }
        Instant end = start.plusSeconds(86_400L * Math.max(0, texts.length - 1));
        return Conversation.builder(ThreadId.of(id)).title(texts.length == 0 ? "" : Conversation.titleFrom(texts[0]))
                .model(ModelId.of(model)).settings(ChatSettings.defaults()).messages(messages).createdAt(start)
                .updatedAt(end).build();
    }

    private void save(Conversation... conversations) {
        for (Conversation c : conversations) {
            storage.conversationStore().orElseThrow().save(c);
        }
    }

    private SearchPage search(String query) {
        return search(SearchConversationsQuery.of(query, CLOCK));
    }

    private SearchPage search(SearchConversationsQuery query) {
        return local.searchConversations(query);
    }

    private static List<String> ids(SearchPage page) {
        return page.hits().stream().map(h -> h.threadId().value()).toList();
    }

    private static List<String> highlighted(Snippet s) {
        return s.highlights().stream().map(r -> s.text().substring(r.start(), r.end())).toList();
    }

    private void saveTheUsualThree() {
        save(conversation("maven", "claude-4-sonnet", T0, "How do I shade a jar with Maven?",
                        "Use the maven-shade-plugin and relocate the packages.", "And with Gradle?",
                        "The Shadow plugin does it for Gradle."),
                conversation("tokyo", "gpt-5", T0.plusSeconds(86_400L * 10), "東京都の天気はどうですか？",
                        "東京は今日は晴れです。☀️ Enjoy the café!"),
                conversation("cafe", "gemini-2.5-flash", T0.plusSeconds(86_400L * 20), "Crème brûlée or café au lait?",
                        "A CAFÉ AU LAIT, naïvely. 🚀 Both are fine; ship it 👩‍💻."));
    }

    @Test
    void wordsMatchInAnyCaseAndWithAnyAccents() {
        saveTheUsualThree();

        assertThat(ids(search("MAVEN"))).containsExactly("maven");
        assertThat(ids(search("cafe")).stream().sorted()).containsExactly("cafe", "tokyo");
        assertThat(ids(search("CRÈME brulee"))).containsExactly("cafe");
        assertThat(ids(search("naively"))).containsExactly("cafe");
        assertThat(search("absentword").hits()).isEmpty();
    }

    @Test
    void everyWordMustBeInOneMessage() {
        saveTheUsualThree();

        assertThat(ids(search("shade relocate"))).containsExactly("maven");
        assertThat(search("shade Shadow").hits()).isEmpty();
    }

    @Test
    void phrasesAndPrefixes() {
        saveTheUsualThree();

        assertThat(ids(search("\"shade plugin\""))).containsExactly("maven");
        assertThat(search("\"plugin shade\"").hits()).isEmpty();
        assertThat(ids(search("relocat*"))).containsExactly("maven");
        assertThat(ids(search("\"maven sha\"*"))).containsExactly("maven");
    }

    @Test
    void excludedWordsLeaveWholeConversationsOut() {
        saveTheUsualThree();

        assertThat(ids(search("plugin"))).containsExactly("maven");
        assertThat(search("plugin -gradle").hits()).isEmpty();
        assertThat(ids(search("cafe -\"crème brûlée\""))).containsExactly("tokyo");
    }

    @Test
    void cjkIsFoundInsideLongerRuns() {
        saveTheUsualThree();

        SearchPage page = search("東京");
        assertThat(ids(page)).containsExactly("tokyo");
        assertThat(highlighted(page.hits().get(0).snippet())).allMatch(h -> h.equals("東京"));
        assertThat(ids(search("天気"))).containsExactly("tokyo");
        assertThat(ids(search("晴"))).containsExactly("tokyo");
    }

    @Test
    void modelFilters() {
        saveTheUsualThree();

        assertThat(ids(search("model:gpt-5 cafe"))).containsExactly("tokyo");
        assertThat(ids(search("model:GEMINI* cafe"))).containsExactly("cafe");
        assertThat(ids(search("model:gpt-5 model:gemini-2.5-flash cafe")).stream().sorted())
                .containsExactly("cafe", "tokyo");
        assertThat(search("model:gpt cafe").hits()).isEmpty();
        SearchPage byModel = search("model:claude-4-sonnet");
        assertThat(ids(byModel)).containsExactly("maven");
    }

    @Test
    void roleFilters() {
        saveTheUsualThree();

        assertThat(ids(search("role:user gradle"))).containsExactly("maven");
        assertThat(search("role:user shadow").hits()).isEmpty();
        SearchHit hit = search("role:assistant shadow").hits().get(0);
        assertThat(hit.role()).contains(Role.ASSISTANT);
        assertThat(hit.model()).isEqualTo(ModelId.of("claude-4-sonnet"));
        assertThat(hit.date()).isEqualTo(T0.plusSeconds(86_400L * 3));
    }

    @Test
    void dateFilters() {
        saveTheUsualThree();

        assertThat(ids(search("cafe after:2026-03-15")).stream().sorted()).containsExactly("cafe");
        assertThat(ids(search("cafe before:2026-03-15"))).containsExactly("tokyo");
        assertThat(ids(search("cafe after:2026-03-12 before:2026-03-13"))).containsExactly("tokyo");
        assertThat(search("cafe after:2026-03-11 before:2026-03-12").hits()).isEmpty();
        assertThat(ids(search("after:2026-03-21"))).containsExactly("cafe");
        assertThat(search("cafe after:2026-04").hits()).isEmpty();
    }

    @Test
    void ordersByRelevanceOrByDate() {
        save(conversation("once", "gpt-5", T0.plusSeconds(86_400L * 5), "a long message that mentions kestrel only once"
                        + " among many other words about birds and the sky and the weather"),
                conversation("often", "gpt-5", T0, "kestrel kestrel kestrel"),
                conversation("newest", "gpt-5", T0.plusSeconds(86_400L * 9), "one kestrel, among many words here too"
                        + " and still more words to make it longer than the others"));

        SearchPage relevant = search("kestrel");
        assertThat(ids(relevant).get(0)).isEqualTo("often");
        assertThat(relevant.hits()).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(ids(search(SearchConversationsQuery.of("kestrel", CLOCK).withOrder(SearchOrder.NEWEST))))
                .containsExactly("newest", "once", "often");
    }

    @Test
    void hitsCarryTheConversationAndAHighlightedSnippet() {
        saveTheUsualThree();

        SearchHit hit = search("relocate").hits().get(0);
        assertThat(hit.threadId()).isEqualTo(ThreadId.of("maven"));
        assertThat(hit.title()).isEqualTo("How do I shade a jar with Maven?");
        assertThat(hit.model()).isEqualTo(ModelId.of("claude-4-sonnet"));
        assertThat(hit.role()).contains(Role.ASSISTANT);
        assertThat(hit.date()).isEqualTo(T0.plusSeconds(86_400L));
        assertThat(hit.matchingMessages()).isEqualTo(1);
        assertThat(hit.snippet().text()).isEqualTo("Use the maven-shade-plugin and relocate the packages.");
        assertThat(highlighted(hit.snippet())).containsExactly("relocate");
        assertThat(hit.snippet().source()).isEqualTo(Snippet.Source.TEXT);
    }

    @Test
    void emojiStayWholeInSnippets_andCanBeSearched() {
        saveTheUsualThree();

        SearchHit hit = search("ship").hits().get(0);
        assertThat(hit.snippet().text()).contains("🚀", "👩‍💻");
        assertThat(ids(search("🚀"))).containsExactly("cafe");
    }

    @Test
    void reasoningAndTitlesAreSearchedToo() {
        Message question = Message.builder(Role.USER).id(MessageId.of("q")).text("Is 1001 prime?").createdAt(T0).build();
        Message answer = Message.builder(Role.ASSISTANT).id(MessageId.of("a")).text("No.")
                .reasoning("1001 is 7 times 11 times 13.").model(ModelId.of("o3")).createdAt(T0.plusSeconds(5)).build();
        save(Conversation.builder(ThreadId.of("prime")).title("Primality of numbers").model(ModelId.of("o3"))
                .settings(ChatSettings.defaults()).messages(List.of(question, answer)).createdAt(T0)
                .updatedAt(T0.plusSeconds(5)).build());

        SearchHit reasoning = search("times").hits().get(0);
        assertThat(reasoning.snippet().source()).isEqualTo(Snippet.Source.REASONING);
        assertThat(highlighted(reasoning.snippet())).containsExactly("times", "times");
        SearchHit title = search("primality").hits().get(0);
        assertThat(title.snippet().source()).isEqualTo(Snippet.Source.TITLE);
        assertThat(title.role()).isEmpty();
        assertThat(title.matchingMessages()).isZero();
        assertThat(search("prime").hits().get(0).matchingMessages()).isEqualTo(1);
    }

    @Test
    void pagesThroughMatches() {
        for (int i = 0; i < 25; i++) {
            save(conversation(String.format("c%02d", i), "gpt-5", T0.plusSeconds(3600L * i), "common word " + i));
        }

        SearchConversationsQuery first = SearchConversationsQuery.of("common", CLOCK).withPageSize(10)
                .withOrder(SearchOrder.NEWEST);
        SearchPage one = search(first);
        SearchPage three = search(first.withPage(3));
        SearchPage beyond = search(first.withPage(4));

        assertThat(one.total()).isEqualTo(25);
        assertThat(one.pageCount()).isEqualTo(3);
        assertThat(one.hasNextPage()).isTrue();
        assertThat(ids(one)).first().isEqualTo("c24");
        assertThat(ids(three)).containsExactly("c04", "c03", "c02", "c01", "c00");
        assertThat(three.hasNextPage()).isFalse();
        assertThat(beyond.hits()).isEmpty();
        assertThat(beyond.total()).isEqualTo(25);
        List<String> all = new ArrayList<>();
        for (SearchConversationsQuery q = first; ; q = q.nextPage()) {
            SearchPage page = search(q);
            all.addAll(ids(page));
            if (!page.hasNextPage()) {
                break;
            }
        }
        assertThat(all).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void aQueryOfPunctuationOnlyFindsNothingAndSaysWhy() {
        saveTheUsualThree();

        SearchPage page = search("+++");
        assertThat(page.hits()).isEmpty();
        assertThat(page.notices()).singleElement().asString().contains("Nothing in the query can be searched");
    }

    @Test
    void unreadableFilesAreReportedNotThrown() throws IOException {
        saveTheUsualThree();
        Files.writeString(folder.resolve("conversations").resolve("broken.json"), "{ not json");

        SearchPage page = search("maven");
        assertThat(ids(page)).containsExactly("maven");
        assertThat(page.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("broken.json");
            assertThat(p.reason()).contains("not valid JSON");
        });
    }

    @Test
    void noConversationsYet() {
        assertThat(search("anything").hits()).isEmpty();
        assertThat(search("anything").total()).isZero();
    }

    @Test
    void theIndexIsBuiltOnFirstUse_privately_inTheCacheFolder() throws IOException {
        saveTheUsualThree();
        Path index = folder.resolve("cache").resolve("search").resolve("index.db");
        assertThat(index).doesNotExist();

        List<int[]> progress = new ArrayList<>();
        search(SearchConversationsQuery.of("maven", CLOCK).withProgress((done, all) -> progress.add(new int[] {done, all})));

        assertThat(index).isRegularFile();
        assertThat(Files.getPosixFilePermissions(index.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> files = Files.list(index.getParent())) {
            assertThat(files).allSatisfy(f -> assertThat(Files.getPosixFilePermissions(f))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------")));
        }
        assertThat(progress).as("three files are too few to report").isEmpty();
    }

    @Test
    void manyFilesReportProgress() {
        for (int i = 0; i < 120; i++) {
            ConversationFiles.write(folder, conversation("p" + i, "gpt-5", T0, "progress " + i));
        }
        List<int[]> progress = new ArrayList<>();

        search(SearchConversationsQuery.of("progress", CLOCK).withProgress((done, all) -> progress.add(new int[] {done, all})));

        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).containsExactly(120, 120);
        assertThat(progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(120));
    }

    @Test
    void savesAndDeletesAreFoundAtOnce() {
        saveTheUsualThree();
        assertThat(search("kestrel").hits()).isEmpty();

        save(conversation("bird", "gpt-5", T0, "a kestrel hovers"));
        assertThat(ids(search("kestrel"))).containsExactly("bird");

        save(conversation("bird", "gpt-5", T0, "a falcon dives"));
        assertThat(search("kestrel").hits()).isEmpty();
        assertThat(ids(search("falcon"))).containsExactly("bird");

        local.deleteConversation(ThreadId.of("bird"));
        assertThat(search("falcon").hits()).isEmpty();
        assertThat(ids(search("maven"))).containsExactly("maven");
    }

    @Test
    void aDeletedConversationLeavesTheIndexAtOnce_beforeAnySearch() throws IOException {
        String secret = "zqxjvwkpfhgmbdlt";
        save(conversation("secret", "gpt-5", T0, "my password hint is " + secret));
        saveTheUsualThree();
        search("maven");
        Path index = folder.resolve("cache").resolve("search").resolve("index.db");
        assertThat(new String(Files.readAllBytes(index), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("the word is in the index (else this test proves nothing)").contains(secret);

        local.deleteConversation(ThreadId.of("secret"));

        assertThat(new String(Files.readAllBytes(index), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret);
    }

    @Test
    void aConversationSavedRightAfterASearchIsFoundByTheNext() {
        saveTheUsualThree();
        for (int i = 0; i < 20; i++) {
            search("maven");
            save(conversation("quick" + i, "gpt-5", T0, "quick " + i));
            assertThat(ids(search("quick " + i))).as("round %d", i).contains("quick" + i);
        }
    }

    @Test
    void anotherAdapterOverTheSameFoldersSeesTheSameIndex() {
        saveTheUsualThree();
        search("maven");
        StorageAdapters other = StorageAdapters.create(new StorageConfig(folder));
        other.conversationStore().orElseThrow().save(conversation("other", "gpt-5", T0, "written by another writer"));

        assertThat(ids(search("writer"))).containsExactly("other");
    }
}
