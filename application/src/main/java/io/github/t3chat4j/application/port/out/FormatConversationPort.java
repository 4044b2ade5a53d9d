package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ExportFormat;

/** Renders a conversation as text in an {@link ExportFormat}; pure, no file is touched. */
@FunctionalInterface
public interface FormatConversationPort {

    String formatConversation(Conversation conversation, ExportFormat format);
}
