package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports arbitrary files as browser-history exports. Documented outcome: the conversations, or an
 * {@link InvalidInputException} saying where the export is malformed; never another exception. Every
 * conversation imported has distinct thread and message ids, messages in time order, and can be
 * stored and read back as it is, so an import never leaves a file the store cannot load.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BrowserHistoryAdapterFuzzTest {

    private static final BrowserHistoryAdapter ADAPTER = new BrowserHistoryAdapter(new ObjectMapper());
    private static final ConversationJson JSON = new ConversationJson(ConversationJson.newMapper());

    @TempDir
    static Path folder;

    @FuzzTest
    void importsAnyExport_orSaysWhereItIsMalformed(byte[] export) throws Exception {
        Path file = folder.resolve("export.json");
        Files.write(file, export);

        List<Conversation> conversations;
        try {
            conversations = ADAPTER.parseHistory(file);
        } catch (InvalidInputException documented) {
            assertThat(documented.getMessage()).contains(file.toString());
            return;
        }

        Set<ThreadId> threads = new HashSet<>();
        for (Conversation conversation : conversations) {
            assertThat(threads.add(conversation.threadId())).isTrue();
            assertThat(FileConversationAdapter.isStorable(conversation.threadId().value())).isTrue();
            Set<MessageId> messages = new HashSet<>();
            for (int i = 0; i < conversation.messages().size(); i++) {
                Message message = conversation.messages().get(i);
                assertThat(messages.add(message.id())).isTrue();
                if (i > 0) {
                    assertThat(message.createdAt()).isAfterOrEqualTo(conversation.messages().get(i - 1).createdAt());
                }
            }
            assertThat(readBack(conversation)).isEqualTo(conversation);
        }
    }

    private static Conversation readBack(Conversation conversation) throws IOException, UnreadableFileException {
        return JSON.read(JSON.toJson(conversation).getBytes(StandardCharsets.UTF_8));
    }
}
