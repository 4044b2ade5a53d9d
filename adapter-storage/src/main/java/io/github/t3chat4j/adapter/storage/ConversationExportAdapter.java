package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.thread.ExportFormat;
import io.github.t3chat4j.application.port.out.FormatConversationPort;
import io.github.t3chat4j.domain.thread.Conversation;

/**
 * Exports a conversation as Markdown ({@link MarkdownConversationFormat}) or as the conversation
 * store's own JSON document, so an exported JSON file can be read back by the store.
 */
final class ConversationExportAdapter implements FormatConversationPort {

    private final ConversationJson json;

    ConversationExportAdapter(ConversationJson json) {
        this.json = requireNonNull(json, "json == null");
    }

    @Override
    public String formatConversation(Conversation conversation, ExportFormat format) {
        requireNonNull(conversation, "conversation == null");
        requireNonNull(format, "format == null");
        if (format == ExportFormat.JSON) {
            return json.toJson(conversation) + "\n";
        }
        return MarkdownConversationFormat.format(conversation);
    }
}
