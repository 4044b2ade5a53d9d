package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.thread.ConversationListing;

/**
 * Lists the stored conversations, newest first. Unreadable files are reported in
 * {@link ConversationListing#problems()}, never thrown; a store that cannot be read at all throws
 * {@link io.github.t3chat4j.application.error.StorageException}.
 */
public interface ListConversationsUseCase {

    ConversationListing listConversations();
}
