package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.internal.usecase.ExportConversationQuery;
import io.github.t3chat4j.application.internal.usecase.ExportConversationUseCase;
import io.github.t3chat4j.application.internal.usecase.LoadConversationUseCase;
import io.github.t3chat4j.application.port.out.FormatConversationPort;

/** Loads a stored conversation and renders it through {@link FormatConversationPort}. */
public final class ExportConversationService implements ExportConversationUseCase {

    private final LoadConversationUseCase load;
    private final FormatConversationPort format;

    public ExportConversationService(LoadConversationUseCase load, FormatConversationPort format) {
        this.load = requireNonNull(load, "load == null");
        this.format = requireNonNull(format, "format == null");
    }

    @Override
    public String exportConversation(ExportConversationQuery query) {
        requireNonNull(query, "query == null");
        return format.formatConversation(load.loadConversation(query.threadId()), query.format());
    }
}
