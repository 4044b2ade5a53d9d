package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import io.github.t3chat4j.application.port.out.DeleteConversationPort;
import io.github.t3chat4j.application.port.out.FormatConversationPort;
import io.github.t3chat4j.application.port.out.ListConversationsPort;
import io.github.t3chat4j.application.port.out.LoadConversationPort;
import io.github.t3chat4j.application.port.out.ParseHistoryPort;
import io.github.t3chat4j.application.port.out.SaveConversationPort;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import java.time.Clock;

/**
 * Guice bindings of the storage adapter, all singletons: {@link SaveImagePort} (the image folder),
 * {@link LoadConversationPort}, {@link SaveConversationPort}, {@link ListConversationsPort} and
 * {@link DeleteConversationPort} (one conversation store), {@link ParseHistoryPort} (browser history
 * import), {@link FormatConversationPort} (Markdown and JSON export), and the {@link StorageConfig}
 * given. Its own {@code ObjectMapper} and {@code Clock} are bound under a private qualifier, so they
 * never clash with other modules. Does no I/O.
 */
public final class StorageAdapterModule extends AbstractModule {

    private final StorageConfig config;

    public StorageAdapterModule(StorageConfig config) {
        this.config = requireNonNull(config, "config == null");
    }

    @Override
    protected void configure() {
        bind(StorageConfig.class).toInstance(config);
        bind(AtomicFiles.class).in(Scopes.SINGLETON);
        bind(ConversationJson.class).in(Scopes.SINGLETON);
        bind(FileImageAdapter.class).in(Scopes.SINGLETON);
        bind(FileConversationAdapter.class).in(Scopes.SINGLETON);
        bind(BrowserHistoryAdapter.class).in(Scopes.SINGLETON);
        bind(ConversationExportAdapter.class).in(Scopes.SINGLETON);
        bind(SaveImagePort.class).to(FileImageAdapter.class);
        bind(LoadConversationPort.class).to(FileConversationAdapter.class);
        bind(SaveConversationPort.class).to(FileConversationAdapter.class);
        bind(ListConversationsPort.class).to(FileConversationAdapter.class);
        bind(DeleteConversationPort.class).to(FileConversationAdapter.class);
        bind(ParseHistoryPort.class).to(BrowserHistoryAdapter.class);
        bind(FormatConversationPort.class).to(ConversationExportAdapter.class);
    }

    @Provides
    @Singleton
    @ForStorage
    ObjectMapper objectMapper() {
        return ConversationJson.newMapper();
    }

    @Provides
    @Singleton
    @ForStorage
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
