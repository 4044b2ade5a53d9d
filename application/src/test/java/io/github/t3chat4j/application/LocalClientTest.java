package io.github.t3chat4j.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.fake.InMemoryConversationPorts;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.application.port.out.FormatConversationPort;
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

class LocalClientTest {

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
    private final LocalClient local = LocalClient.of(new DrivenAdapters() {
        @Override
        public Optional<ConversationStorePort> conversationStore() {
            return Optional.of(conversations);
        }

        @Override
        public Optional<FormatConversationPort> conversationFormatter() {
            return Optional.of((conversation, format) -> format + ":" + conversation.messages().size());
        }

        @Override
        public Optional<SettingsStorePort> settingsStore() {
            return Optional.of(settingsStore);
        }
    });

    @Test
    void listsLoadsExportsAndDeletes_storedConversations() {
        assertThat(local.listConversations().conversations())
                .extracting(ConversationSummary::threadId).containsExactly(stored.threadId());
        assertThat(local.loadConversation(stored.threadId())).isEqualTo(stored);
        assertThat(local.exportConversation(stored.threadId(), ExportFormat.MARKDOWN)).isEqualTo("MARKDOWN:1");

        local.deleteConversation(stored.threadId());

        assertThat(conversations.stored()).isEmpty();
    }

    @Test
    void refusesAnUnknownId_asInvalidInput() {
        ThreadId unknown = ThreadId.of("no-such-thread");

        assertThatThrownBy(() -> local.loadConversation(unknown))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no-such-thread");
        assertThatThrownBy(() -> local.deleteConversation(unknown))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no-such-thread");
        assertThatThrownBy(() -> local.exportConversation(unknown, ExportFormat.JSON)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void readsAndChangesTheStoredSettings() {
        var result = local.updateSettings(
                Map.of("COOKIES", Optional.of("wos-session=secret"), "T3_MODEL", Optional.empty()));

        assertThat(result.values()).containsOnlyKeys("COOKIES");
        assertThat(result.location()).endsWith("config.properties");
        assertThat(result.toString()).doesNotContain("secret");
        assertThat(local.settings().values()).containsEntry("COOKIES", "wos-session=secret");
    }

    @Test
    void keepsTheGatewayKeyInTheSettingsStore_besideTheOtherSettings() {
        String key = local.gatewayKey().key();

        assertThat(settings).containsEntry("T3_GATEWAY_KEY", key).containsEntry("T3_MODEL", "gpt-4o");
        assertThat(local.gatewayKey().key()).isEqualTo(key);
    }

    @Test
    void namesTheMissingAdapter_whenNoStoreWasGiven() {
        LocalClient bare = LocalClient.of();

        assertThatThrownBy(() -> bare.listConversations())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("conversation store");
        assertThatThrownBy(() -> bare.settings())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("settings store");
    }
}
