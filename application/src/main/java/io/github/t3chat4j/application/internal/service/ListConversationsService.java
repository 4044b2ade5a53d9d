package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.internal.usecase.ListConversationsUseCase;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.domain.thread.ConversationListing;

/** Lists the stored conversations through {@link ConversationStorePort}. */
public final class ListConversationsService implements ListConversationsUseCase {

    private final ConversationStorePort list;

    public ListConversationsService(ConversationStorePort list) {
        this.list = requireNonNull(list, "list == null");
    }

    @Override
    public ConversationListing listConversations() {
        return list.listConversations();
    }
}
