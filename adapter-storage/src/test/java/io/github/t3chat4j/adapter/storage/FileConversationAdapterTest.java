package io.github.t3chat4j.adapter.storage;

import static io.github.t3chat4j.adapter.storage.Conversations.T0;
import static io.github.t3chat4j.adapter.storage.Conversations.aConversationUpdatedAt;
import static io.github.t3chat4j.adapter.storage.Conversations.aRichConversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.domain.thread.ConversationListing;
import io.github.t3chat4j.domain.thread.ConversationSummary;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConversationAdapterTest {

    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);

    @TempDir
    Path data;

    private FileConversationAdapter store() {
        return store(new AtomicFiles());
    }

    private FileConversationAdapter store(AtomicFiles files) {
        return new FileConversationAdapter(new StorageConfig(data), files,
                new ConversationJson(ConversationJson.newMapper()), CLOCK);
    }

    private Path folder() {
        return data.resolve("conversations");
    }

    @Test
    void roundTripsConversationWithReasoningImageAndIncompleteMessage() {
        Conversation original = aRichConversation("t-1");

        store().save(original);

        assertThat(store().load(ThreadId.of("t-1"))).contains(original);
    }

    @Test
    void writesReadableDocumentWithSchemaVersion() throws IOException {
        store().save(aRichConversation("t-1"));

        String json = Files.readString(folder().resolve("t-1.json"));
        assertThat(json).contains("\"schemaVersion\" : 1", "\"threadId\" : \"t-1\"", "\"status\" : \"incomplete\"",
                "\"reasoning\" : \"Short wavelengths scatter more.\"", "\"localPath\" : \"/tmp/sky.png\"",
                "\"reasoningEffort\" : \"high\"", "\"timezone\" : \"Europe/Berlin\"",
                "\"createdAt\" : \"2026-01-02T03:04:05Z\"");
    }

    @Test
    void dropsLargeBase64_whenImageHasUrlOrFileButKeepsItWhenItIsTheOnlyCopy() {
        String big = Base64.getEncoder().encodeToString(new byte[ConversationJson.MAX_INLINE_BASE64]);
        Message withUrl = Message.builder(Role.ASSISTANT)
                .image(ImageContent.fromUrl("https://files.example/a.png").withBase64Data(big, "image/png")).build();
        Message onlyCopy = Message.builder(Role.ASSISTANT)
                .image(ImageContent.fromUrl("data:image/png;base64," + big)).build();
        Conversation original = aConversationUpdatedAt("t-1", T0).append(withUrl, T0).append(onlyCopy, T0);

        store().save(original);

        List<Message> loaded = store().load(ThreadId.of("t-1")).orElseThrow().messages();
        assertThat(loaded.get(1).image().orElseThrow().base64Data()).isEmpty();
        assertThat(loaded.get(1).image().orElseThrow().url()).contains("https://files.example/a.png");
        assertThat(loaded.get(2).image().orElseThrow().base64Data()).contains(big);
    }

    @Test
    void createsOwnerOnlyFileInOwnerOnlyFolders() throws IOException {
        store().save(aRichConversation("t-1"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder().resolve("t-1.json"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder()))).isEqualTo("rwx------");
    }

    @Test
    void leavesPreviousFileIntactAndNoTemporaryFile_whenMoveFails() throws IOException {
        store().save(aConversationUpdatedAt("t-1", T0));
        String before = Files.readString(folder().resolve("t-1.json"));
        FileConversationAdapter failing = store(new AtomicFiles((temporary, target, options) -> {
            throw new IOException("disk full");
        }));

        assertThatThrownBy(() -> failing.save(aRichConversation("t-1")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("t-1")
                .hasMessageContaining("disk full");

        assertThat(folder().resolve("t-1.json")).hasContent(before);
        assertThat(namesIn(folder())).containsExactly("t-1.json");
    }

    @Test
    void listsNewestFirst() {
        store().save(aConversationUpdatedAt("old", T0));
        store().save(aConversationUpdatedAt("newest", T0.plusSeconds(200)));
        store().save(aConversationUpdatedAt("middle", T0.plusSeconds(100)));

        ConversationListing listing = store().listConversations();

        assertThat(listing.conversations()).extracting(s -> s.threadId().value())
                .containsExactly("newest", "middle", "old");
        assertThat(listing.conversations().get(0)).isEqualTo(new ConversationSummary(ThreadId.of("newest"),
                "hello newest", ModelId.DEFAULT, 1, T0.plusSeconds(200)));
        assertThat(listing.problems()).isEmpty();
    }

    @Test
    void listsNothing_whenFolderDoesNotExist() {
        ConversationListing listing = store().listConversations();

        assertThat(listing.conversations()).isEmpty();
        assertThat(listing.problems()).isEmpty();
    }

    @Test
    void skipsAndReportsCorruptAndHalfWrittenFiles_leavingThemUntouched() throws IOException {
        store().save(aConversationUpdatedAt("good", T0));
        String whole = Files.readString(folder().resolve("good.json"));
        Files.writeString(folder().resolve("half.json"), whole.substring(0, whole.length() / 2));
        Files.writeString(folder().resolve("noise.json"), "not json at all");
        Files.writeString(folder().resolve("gap.json"), whole.replace("\"role\" : \"user\",", "")
                .replace("\"good\"", "\"gap\""));

        ConversationListing listing = store().listConversations();

        assertThat(listing.conversations()).extracting(s -> s.threadId().value()).containsExactly("good");
        assertThat(listing.problems()).extracting(p -> p.source()).containsExactly("gap.json", "half.json",
                "noise.json");
        assertThat(listing.problems().get(0).reason()).isEqualTo("messages[0].role is missing");
        assertThat(listing.problems().get(1).reason()).startsWith("it is not valid JSON");
        assertThat(folder().resolve("noise.json")).hasContent("not json at all");
        assertThat(folder().resolve("half.json")).hasContent(whole.substring(0, whole.length() / 2));
    }

    @Test
    void throwsNamingTheFile_whenLoadingCorruptFile() throws IOException {
        AtomicFiles.createPrivateDirectories(folder());
        Files.writeString(folder().resolve("t-1.json"), "{\"schemaVersion\":1,");

        assertThatThrownBy(() -> store().load(ThreadId.of("t-1")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("t-1.json")
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("left as it is");
        assertThat(folder().resolve("t-1.json")).hasContent("{\"schemaVersion\":1,");
    }

    @Test
    void movesCorruptFileAsideBeforeSavingItsThreadAgain() throws IOException {
        AtomicFiles.createPrivateDirectories(folder());
        Files.writeString(folder().resolve("t-1.json"), "garbage");

        store().save(aRichConversation("t-1"));

        assertThat(store().load(ThreadId.of("t-1"))).contains(aRichConversation("t-1"));
        Path aside = folder().resolve("t-1.json.corrupt-20260102-040405");
        assertThat(aside).hasContent("garbage");
        assertThat(store().listConversations().problems()).singleElement()
                .satisfies(p -> assertThat(p.source()).isEqualTo("t-1.json.corrupt-20260102-040405"));
    }

    @Test
    void refusesFileFromNewerSchemaVersion_onLoadListAndSave() throws IOException {
        AtomicFiles.createPrivateDirectories(folder());
        String future = "{\"schemaVersion\": 2, \"threadId\": \"t-1\", \"shape\": \"unknown\"}";
        Files.writeString(folder().resolve("t-1.json"), future);

        assertThatThrownBy(() -> store().load(ThreadId.of("t-1")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("newer t3chat4j (schemaVersion 2; this version reads up to 1)");
        assertThat(store().listConversations().problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("upgrade t3chat4j"));
        assertThatThrownBy(() -> store().save(aRichConversation("t-1")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("Will not save");
        assertThat(folder().resolve("t-1.json")).hasContent(future);
        assertThat(namesIn(folder())).containsExactly("t-1.json");
    }

    @Test
    void reportsFileWhoseContentBelongsToAnotherThread() throws IOException {
        store().save(aConversationUpdatedAt("a", T0));
        Files.copy(folder().resolve("a.json"), folder().resolve("b.json"));

        assertThat(store().listConversations().problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("it holds thread a, not b"));
    }

    @Test
    void loadsNothing_whenThreadIsNotStored() {
        assertThat(store().load(ThreadId.of("nope"))).isEmpty();
    }

    @Test
    void deletesStoredConversation() {
        store().save(aConversationUpdatedAt("t-1", T0));

        assertThat(store().deleteConversation(ThreadId.of("t-1"))).isTrue();
        assertThat(store().deleteConversation(ThreadId.of("t-1"))).isFalse();
        assertThat(store().load(ThreadId.of("t-1"))).isEmpty();
    }

    @Test
    void remembersADeletedConversation_untilItIsStoredAgain_withoutListingTheMark() {
        store().save(aConversationUpdatedAt("t-1", T0));
        assertThat(store().wasDeleted(ThreadId.of("t-1"))).isFalse();

        store().deleteConversation(ThreadId.of("t-1"));

        assertThat(store().wasDeleted(ThreadId.of("t-1"))).isTrue();
        assertThat(store().wasDeleted(ThreadId.of("never-stored"))).isFalse();
        assertThat(store().listConversations().conversations()).isEmpty();
        assertThat(store().listConversations().problems()).isEmpty();
        store().save(aConversationUpdatedAt("t-1", T0));
        assertThat(store().wasDeleted(ThreadId.of("t-1"))).isFalse();
    }

    @Test
    void refusesThreadIdThatCannotBeAFileName() {
        Conversation odd = aConversationUpdatedAt("a:b", T0);

        assertThatThrownBy(() -> store().save(odd)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'a:b'");
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
