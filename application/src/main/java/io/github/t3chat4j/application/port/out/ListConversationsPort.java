package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.thread.ConversationListing;

/**
 * Lists the stored conversations, newest first. Unreadable entries are reported in
 * {@link ConversationListing#problems()}, not thrown; a store that cannot be read at all throws
 * {@link io.github.t3chat4j.application.error.StorageException}.
 */
@FunctionalInterface
public interface ListConversationsPort {

    ConversationListing listConversations();
}
