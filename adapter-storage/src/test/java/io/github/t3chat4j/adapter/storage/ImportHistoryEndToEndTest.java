package io.github.t3chat4j.adapter.storage;

import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.ExistingThreadPolicy;
import static io.github.t3chat4j.adapter.storage.Conversations.aRichConversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.ImportHistoryResult;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import use case over the real file adapters. */
class ImportHistoryEndToEndTest {

    @TempDir
    Path data;

    @TempDir
    Path downloads;

    private StorageAdapters adapters() {
        return StorageAdapters.create(new StorageConfig(data), Clock.fixed(Conversations.T0, ZoneOffset.UTC));
    }

    private LocalClient service(StorageAdapters adapters) {
        return LocalClient.of(adapters);
    }

    @Test
    void storesImportedThreadsAndSkipsOneAlreadyStored() throws IOException {
        StorageAdapters adapters = adapters();
        adapters.conversationStore().orElseThrow().save(aRichConversation("t1"));
        String before = Files.readString(data.resolve("conversations/t1.json"));
        Path export = Files.writeString(downloads.resolve("ephemeral.json"), BrowserHistoryAdapterTest.EPHEMERAL);

        ImportHistoryResult result = service(adapters).importHistory(export, ExistingThreadPolicy.SKIP);

        assertThat(result.imported()).containsExactly(ThreadId.of("t2"));
        assertThat(result.skipped()).containsExactly(ThreadId.of("t1"));
        assertThat(data.resolve("conversations/t1.json")).hasContent(before);
        assertThat(adapters.conversationStore().orElseThrow().listConversations().conversations())
                .extracting(s -> s.threadId().value()).containsExactlyInAnyOrder("t1", "t2");
    }

    @Test
    void touchesNothingStored_whenExportIsMalformed() throws IOException {
        StorageAdapters adapters = adapters();
        adapters.conversationStore().orElseThrow().save(aRichConversation("t1"));
        List<String> before = snapshot();
        Path export = Files.writeString(downloads.resolve("bad.json"),
                BrowserHistoryAdapterTest.EPHEMERAL.replace("\"role\":\"assistant\",\"model\"", "\"model\""));

        assertThatThrownBy(() -> service(adapters).importHistory(export, ExistingThreadPolicy.SKIP))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("state.messages.t1[1].role is missing");

        assertThat(snapshot()).isEqualTo(before);
    }

    /** Every file under the data folder with its content. */
    private List<String> snapshot() throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).map(p -> {
                try {
                    return data.relativize(p) + "=" + Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }
}
