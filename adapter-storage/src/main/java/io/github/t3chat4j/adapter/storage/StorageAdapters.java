package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.application.port.out.DeleteConversationPort;
import io.github.t3chat4j.application.port.out.FormatConversationPort;
import io.github.t3chat4j.application.port.out.ListConversationsPort;
import io.github.t3chat4j.application.port.out.LoadConversationPort;
import io.github.t3chat4j.application.port.out.ParseHistoryPort;
import io.github.t3chat4j.application.port.out.SaveConversationPort;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import java.time.Clock;

/**
 * The storage adapters for programs without Guice: {@code StorageAdapters.create(config)} builds them
 * once, and each accessor returns one port (the conversation ports share one store). Thread-safe to
 * share; nothing needs closing.
 */
public final class StorageAdapters {

    private final FileImageAdapter images;
    private final FileConversationAdapter conversations;
    private final BrowserHistoryAdapter history;
    private final ConversationExportAdapter export;

    private StorageAdapters(StorageConfig config, Clock clock) {
        ObjectMapper mapper = ConversationJson.newMapper();
        ConversationJson json = new ConversationJson(mapper);
        AtomicFiles files = new AtomicFiles();
        this.images = new FileImageAdapter(config, files, clock);
        this.conversations = new FileConversationAdapter(config, files, json, clock);
        this.history = new BrowserHistoryAdapter(mapper);
        this.export = new ConversationExportAdapter(json);
    }

    /** The adapters over {@code config}'s folders, naming files by the system clock in the local zone. */
    public static StorageAdapters create(StorageConfig config) {
        return create(config, Clock.systemDefaultZone());
    }

    /** The adapters over {@code config}'s folders, with {@code clock} for generated file names. */
    public static StorageAdapters create(StorageConfig config, Clock clock) {
        return new StorageAdapters(requireNonNull(config, "config == null"), requireNonNull(clock, "clock == null"));
    }

    public SaveImagePort imageStore() {
        return images;
    }

    public LoadConversationPort loadConversation() {
        return conversations;
    }

    public SaveConversationPort saveConversation() {
        return conversations;
    }

    public ListConversationsPort listConversations() {
        return conversations;
    }

    public DeleteConversationPort deleteConversation() {
        return conversations;
    }

    public ParseHistoryPort historyParser() {
        return history;
    }

    public FormatConversationPort conversationFormatter() {
        return export;
    }
}
