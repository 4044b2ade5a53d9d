package io.github.t3chat4j.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ConversationListing;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.util.List;
import java.util.Optional;

/**
 * Keeps no conversation: the gateway's requests each bring their whole history, so none of them is
 * written to the user's conversation store, read back or locked. Binding the port wins over the storage
 * adapters'.
 */
final class KeepNoConversationsModule extends AbstractModule {

    @Provides
    ConversationStorePort keepNone() {
        return new ConversationStorePort() {
            @Override
            public void save(Conversation conversation) {
            }

            @Override
            public Optional<Conversation> load(ThreadId threadId) {
                return Optional.empty();
            }

            @Override
            public ConversationListing listConversations() {
                return new ConversationListing(List.of(), List.of());
            }

            @Override
            public boolean deleteConversation(ThreadId threadId) {
                return false;
            }
        };
    }
}
