package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.util.Optional;

/** Reads a stored conversation back. */
@FunctionalInterface
public interface LoadConversationPort {

    Optional<Conversation> load(ThreadId threadId);
}
