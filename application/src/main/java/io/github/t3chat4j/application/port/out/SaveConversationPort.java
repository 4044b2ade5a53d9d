package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.thread.Conversation;

/** Stores a conversation (replacing an earlier version with the same thread id), atomically. */
@FunctionalInterface
public interface SaveConversationPort {

    void save(Conversation conversation);
}
