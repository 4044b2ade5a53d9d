package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.ImportHistoryUseCase;
import io.github.t3chat4j.application.port.out.DeleteConversationPort;
import io.github.t3chat4j.application.port.out.FormatConversationPort;
import io.github.t3chat4j.application.port.out.ListConversationsPort;
import io.github.t3chat4j.application.port.out.LoadConversationPort;

/** The stored conversations as the CLI sees them: list, load, delete, export and import. */
public record ConversationStore(
        ListConversationsPort list,
        LoadConversationPort load,
        DeleteConversationPort delete,
        FormatConversationPort format,
        ImportHistoryUseCase importer) {

    public ConversationStore {
        requireNonNull(list, "list == null");
        requireNonNull(load, "load == null");
        requireNonNull(delete, "delete == null");
        requireNonNull(format, "format == null");
        requireNonNull(importer, "importer == null");
    }
}
