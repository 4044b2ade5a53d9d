package io.github.t3chat4j.application.internal.usecase;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.thread.ExportFormat;
import io.github.t3chat4j.domain.thread.ThreadId;

/** Export the stored conversation {@code threadId} in {@code format}. */
public record ExportConversationQuery(ThreadId threadId, ExportFormat format) {

    public ExportConversationQuery {
        requireNonNull(threadId, "threadId == null");
        requireNonNull(format, "format == null");
    }
}
