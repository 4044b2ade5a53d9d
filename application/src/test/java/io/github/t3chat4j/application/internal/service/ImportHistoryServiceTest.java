package io.github.t3chat4j.application.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.fake.InMemoryConversationPorts;
import io.github.t3chat4j.application.ExistingThreadPolicy;
import io.github.t3chat4j.application.internal.usecase.ImportHistoryCommand;
import io.github.t3chat4j.application.ImportHistoryResult;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportHistoryServiceTest {

    private static final Path SOURCE = Path.of("export.json");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final InMemoryConversationPorts store = new InMemoryConversationPorts();

    @Test
    void storesEveryParsedThread_whenNoneIsStored() {
        Conversation a = conversation("a", message("m1", 0));
        Conversation b = conversation("b", message("m2", 0));
        ImportHistoryService service = new ImportHistoryService(source -> List.of(a, b), store);

        ImportHistoryResult result = service.importHistory(ImportHistoryCommand.of(SOURCE));

        assertThat(result.imported()).containsExactly(ThreadId.of("a"), ThreadId.of("b"));
        assertThat(store.stored()).containsEntry(ThreadId.of("a"), a).containsEntry(ThreadId.of("b"), b);
    }

    @Test
    void touchesNothing_whenParsingFails() {
        Conversation kept = conversation("a", message("m1", 0));
        store.with(kept);
        ImportHistoryService service = new ImportHistoryService(source -> {
            throw new InvalidInputException("state.messages.a[3].role is missing.");
        }, store);

        assertThatThrownBy(() -> service.importHistory(ImportHistoryCommand.of(SOURCE)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("state.messages.a[3].role");
        assertThat(store.saves()).isEmpty();
        assertThat(store.stored()).containsOnly(java.util.Map.entry(ThreadId.of("a"), kept));
    }

    @Test
    void leavesStoredThreadAlone_whenPolicyIsSkip() {
        Conversation stored = conversation("a", message("m1", 0));
        store.with(stored);
        Conversation incoming = conversation("a", message("m1", 0), message("m2", 1));
        ImportHistoryService service = new ImportHistoryService(source -> List.of(incoming), store);

        ImportHistoryResult result = service.importHistory(ImportHistoryCommand.of(SOURCE));

        assertThat(result.skipped()).containsExactly(ThreadId.of("a"));
        assertThat(result.imported()).isEmpty();
        assertThat(store.stored().get(ThreadId.of("a"))).isEqualTo(stored);
        assertThat(store.saves()).isEmpty();
    }

    @Test
    void addsOnlyMissingMessagesInTimeOrder_whenPolicyIsMerge() {
        Message storedFirst = message("m1", 0);
        Message storedLater = message("m3", 20);
        store.with(conversation("a", storedFirst, storedLater).withTitle("Mine"));
        Message importedMiddle = message("m2", 10);
        Conversation incoming = conversation("a", message("m1", 0).toBuilder().text("changed").build(), importedMiddle)
                .withTitle("Theirs");
        ImportHistoryService service = new ImportHistoryService(source -> List.of(incoming), store);

        ImportHistoryResult result = service.importHistory(
                new ImportHistoryCommand(SOURCE, ExistingThreadPolicy.MERGE));

        assertThat(result.merged()).containsExactly(ThreadId.of("a"));
        Conversation after = store.stored().get(ThreadId.of("a"));
        assertThat(after.messages()).containsExactly(storedFirst, importedMiddle, storedLater);
        assertThat(after.title()).isEqualTo("Mine");
    }

    @Test
    void skipsWithoutSaving_whenMergeFindsNothingNew() {
        store.with(conversation("a", message("m1", 0)));
        ImportHistoryService service = new ImportHistoryService(
                source -> List.of(conversation("a", message("m1", 0))), store);

        ImportHistoryResult result = service.importHistory(
                new ImportHistoryCommand(SOURCE, ExistingThreadPolicy.MERGE));

        assertThat(result.skipped()).containsExactly(ThreadId.of("a"));
        assertThat(store.saves()).isEmpty();
    }

    @Test
    void reportsAndSkipsThread_whenItsStoredCopyIsUnreadable() {
        store.withUnreadable(ThreadId.of("a"));
        ImportHistoryService service = new ImportHistoryService(
                source -> List.of(conversation("a", message("m1", 0)), conversation("b", message("m2", 0))),
                store);

        ImportHistoryResult result = service.importHistory(
                new ImportHistoryCommand(SOURCE, ExistingThreadPolicy.MERGE));

        assertThat(result.skipped()).containsExactly(ThreadId.of("a"));
        assertThat(result.imported()).containsExactly(ThreadId.of("b"));
        assertThat(result.problems()).singleElement().asString().contains("a.json is corrupt");
        assertThat(store.saves()).containsExactly(ThreadId.of("b"));
    }

    private static Conversation conversation(String id, Message... messages) {
        return Conversation.builder(ThreadId.of(id)).title("").model(ModelId.DEFAULT).settings(ChatSettings.defaults()).messages(List.of(messages)).createdAt(T0).updatedAt(T0.plusSeconds(60)).build();
    }

    private static Message message(String id, int seconds) {
        return Message.builder(Role.USER).id(MessageId.of(id)).text("text " + id).createdAt(T0.plusSeconds(seconds))
                .build();
    }
}
