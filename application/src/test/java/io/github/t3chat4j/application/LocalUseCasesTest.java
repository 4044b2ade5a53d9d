package io.github.t3chat4j.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.fake.InMemoryConversationPorts;
import io.github.t3chat4j.application.port.in.ExportConversationQuery;
import io.github.t3chat4j.application.port.in.UpdateSettingsCommand;
import io.github.t3chat4j.application.port.out.SettingsStorePort;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ConversationListing;
import io.github.t3chat4j.domain.thread.ConversationSummary;
import io.github.t3chat4j.domain.thread.ExportFormat;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalUseCasesTest {

    private final Conversation stored = Conversation.start(ModelId.DEFAULT, ChatSettings.defaults(), Instant.EPOCH)
            .append(Message.user("hello"), Instant.EPOCH);
    private final InMemoryConversationPorts conversations = new InMemoryConversationPorts().with(stored);
    private final Map<String, String> settings = new HashMap<>(Map.of("T3_MODEL", "gpt-4o"));
    private final SettingsStorePort settingsStore = new SettingsStorePort() {
        @Override
        public Map<String, String> loadSettings() {
            return settings;
        }

        @Override
        public void updateSettings(Map<String, Optional<String>> changes) {
            changes.forEach((key, value) -> {
                if (value.isPresent()) {
                    settings.put(key, value.get());
                } else {
                    settings.remove(key);
                }
            });
        }

        @Override
        public String location() {
            return "/home/me/.config/t3chat4j/config.properties";
        }
    };
    private final LocalUseCases local = LocalUseCases.of(DrivenPorts.builder()
            .loadConversation(conversations).saveConversation(conversations)
            .listConversations(() -> new ConversationListing(List.of(ConversationSummary.of(stored)), List.of()))
            .deleteConversation(id -> conversations.stored().remove(id) != null)
            .formatConversation((conversation, format) -> format + ":" + conversation.messages().size())
            .settingsStore(settingsStore)
            .build());

    @Test
    void listsLoadsExportsAndDeletes_storedConversations() {
        assertThat(local.listConversations().listConversations().conversations())
                .extracting(ConversationSummary::threadId).containsExactly(stored.threadId());
        assertThat(local.loadConversation().loadConversation(stored.threadId())).isEqualTo(stored);
        assertThat(local.exportConversation().exportConversation(
                new ExportConversationQuery(stored.threadId(), ExportFormat.MARKDOWN))).isEqualTo("MARKDOWN:1");

        local.deleteConversation().deleteConversation(stored.threadId());

        assertThat(conversations.stored()).isEmpty();
    }

    @Test
    void refusesAnUnknownId_asInvalidInput() {
        ThreadId unknown = ThreadId.of("no-such-thread");

        assertThatThrownBy(() -> local.loadConversation().loadConversation(unknown))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no-such-thread");
        assertThatThrownBy(() -> local.deleteConversation().deleteConversation(unknown))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no-such-thread");
        assertThatThrownBy(() -> local.exportConversation().exportConversation(
                new ExportConversationQuery(unknown, ExportFormat.JSON))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void readsAndChangesTheStoredSettings() {
        var result = local.updateSettings().updateSettings(new UpdateSettingsCommand(
                Map.of("COOKIES", Optional.of("wos-session=secret"), "T3_MODEL", Optional.empty())));

        assertThat(result.values()).containsOnlyKeys("COOKIES");
        assertThat(result.location()).endsWith("config.properties");
        assertThat(result.toString()).doesNotContain("secret");
        assertThat(local.loadSettings().loadSettings().values()).containsEntry("COOKIES", "wos-session=secret");
    }

    @Test
    void keepsTheGatewayKeyInTheSettingsStore_besideTheOtherSettings() {
        String key = local.provideGatewayKey().provideGatewayKey().key();

        assertThat(settings).containsEntry("T3_GATEWAY_KEY", key).containsEntry("T3_MODEL", "gpt-4o");
        assertThat(local.provideGatewayKey().provideGatewayKey().key()).isEqualTo(key);
    }

    @Test
    void namesTheMissingAdapter_whenNoStoreWasGiven() {
        LocalUseCases bare = LocalUseCases.of(DrivenPorts.builder().build());

        assertThatThrownBy(() -> bare.listConversations().listConversations())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("conversation store");
        assertThatThrownBy(() -> bare.loadSettings().loadSettings())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("settings store");
    }
}
