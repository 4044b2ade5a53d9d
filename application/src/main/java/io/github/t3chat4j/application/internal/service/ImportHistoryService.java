package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.ExistingThreadPolicy;
import io.github.t3chat4j.application.internal.usecase.ImportHistoryCommand;
import io.github.t3chat4j.application.ImportHistoryResult;
import io.github.t3chat4j.application.internal.usecase.ImportHistoryUseCase;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.application.port.out.ParseHistoryPort;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses the whole export first, decides each thread's fate against the store, and only then saves. */
public final class ImportHistoryService implements ImportHistoryUseCase {

    private final ParseHistoryPort parseHistory;
    private final ConversationStorePort store;

    public ImportHistoryService(ParseHistoryPort parseHistory, ConversationStorePort store) {
        this.parseHistory = requireNonNull(parseHistory, "parseHistory == null");
        this.store = requireNonNull(store, "store == null");
    }

    @Override
    public ImportHistoryResult importHistory(ImportHistoryCommand command) {
        List<Conversation> parsed = parseHistory.parseHistory(command.source());
        List<Conversation> toSave = new ArrayList<>();
        List<ThreadId> imported = new ArrayList<>();
        List<ThreadId> merged = new ArrayList<>();
        List<ThreadId> skipped = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<ThreadId> seen = new HashSet<>();
        for (Conversation incoming : parsed) {
            ThreadId id = incoming.threadId();
            if (!seen.add(id)) {
                problems.add("Thread " + id + " appears twice in the export; only its first copy was used.");
                continue;
            }
            Optional<Conversation> stored;
            try {
                stored = store.load(id);
            } catch (StorageException e) {
                skipped.add(id);
                problems.add("Thread " + id + " was not imported because its stored copy could not be read: "
                        + e.getMessage());
                continue;
            }
            if (stored.isEmpty()) {
                toSave.add(incoming);
                imported.add(id);
            } else if (command.existing() == ExistingThreadPolicy.MERGE) {
                Optional<Conversation> union = merge(stored.get(), incoming);
                if (union.isPresent()) {
                    toSave.add(union.get());
                    merged.add(id);
                } else {
                    skipped.add(id);
                }
            } else {
                skipped.add(id);
            }
        }
        toSave.forEach(store::save);
        return new ImportHistoryResult(imported, merged, skipped, problems);
    }

    /** The stored conversation plus the imported messages it lacks, or empty when it lacks none. */
    private static Optional<Conversation> merge(Conversation stored, Conversation incoming) {
        Set<MessageId> known = new HashSet<>();
        stored.messages().forEach(m -> known.add(m.id()));
        List<Message> messages = new ArrayList<>(stored.messages());
        for (Message m : incoming.messages()) {
            if (known.add(m.id())) {
                messages.add(m);
            }
        }
        if (messages.size() == stored.messages().size()) {
            return Optional.empty();
        }
        // A stable sort keeps stored messages ahead of imported ones written at the same instant.
        messages.sort(Comparator.comparing(Message::createdAt));
        String title = stored.title().isEmpty() ? incoming.title() : stored.title();
        return Optional.of(Conversation.builder(stored.threadId()).title(title).model(stored.model()).settings(stored.settings()).messages(messages).createdAt(stored.createdAt()).updatedAt(later(stored, incoming)).build());
    }

    private static Instant later(Conversation a, Conversation b) {
        return a.updatedAt().isAfter(b.updatedAt()) ? a.updatedAt() : b.updatedAt();
    }
}
