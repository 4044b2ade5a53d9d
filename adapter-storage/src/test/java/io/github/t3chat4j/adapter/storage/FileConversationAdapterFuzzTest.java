package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ConversationListing;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads arbitrary bytes as a stored conversation file. Documented outcome: the conversation, or a
 * {@link StorageException} that names the file and leaves it as it is; listing never fails over a bad
 * file but reports it, and agrees with loading. A conversation that loads saves and loads back equal.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FileConversationAdapterFuzzTest {

    private static final ThreadId THREAD = ThreadId.of("t-fuzz");

    @TempDir
    static Path data;

    @FuzzTest
    void loadsAnyFile_orRefusesItAndLeavesItAlone(byte[] document) throws Exception {
        FileConversationAdapter store = new FileConversationAdapter(new StorageConfig(data),
                new AtomicFiles(Files::move, channel -> { }), new ConversationJson(ConversationJson.newMapper()),
                Clock.systemUTC());
        Path file = data.resolve("conversations").resolve("t-fuzz.json");
        Files.createDirectories(file.getParent());
        Files.write(file, document);

        Optional<Conversation> loaded;
        try {
            loaded = store.load(THREAD);
        } catch (StorageException documented) {
            assertThat(documented.getMessage()).contains(file.toString());
            assertThat(Arrays.equals(Files.readAllBytes(file), document)).as("the file is left as it is").isTrue();
            ConversationListing listing = store.listConversations();
            assertThat(listing.conversations()).isEmpty();
            assertThat(listing.problems()).hasSize(1);
            return;
        }

        assertThat(loaded).isPresent();
        assertThat(loaded.get().threadId()).isEqualTo(THREAD);
        ConversationListing listing = store.listConversations();
        assertThat(listing.problems()).isEmpty();
        assertThat(listing.conversations()).hasSize(1);
        store.save(loaded.get());
        assertThat(store.load(THREAD)).isEqualTo(loaded);
    }
}
