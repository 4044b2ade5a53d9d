package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.ListConversationsUseCase;
import io.github.t3chat4j.application.port.out.ListConversationsPort;
import io.github.t3chat4j.domain.thread.ConversationListing;

/** Lists the stored conversations through {@link ListConversationsPort}. */
public final class ListConversationsService implements ListConversationsUseCase {

    private final ListConversationsPort list;

    public ListConversationsService(ListConversationsPort list) {
        this.list = requireNonNull(list, "list == null");
    }

    @Override
    public ConversationListing listConversations() {
        return list.listConversations();
    }
}
