package io.github.t3chat4j.application;

import io.github.t3chat4j.application.ExistingThreadPolicy;
import io.github.t3chat4j.application.internal.usecase.ExportConversationQuery;
import io.github.t3chat4j.application.GatewayKeyResult;
import io.github.t3chat4j.application.internal.usecase.ImportHistoryCommand;
import io.github.t3chat4j.application.ImportHistoryResult;
import io.github.t3chat4j.application.LoadBrowserSessionQuery;
import io.github.t3chat4j.application.SearchConversationsQuery;
import io.github.t3chat4j.application.StoredSettingsResult;
import io.github.t3chat4j.application.internal.usecase.UpdateSettingsCommand;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.application.port.out.SettingsStorePort;
import io.github.t3chat4j.application.internal.service.DeleteConversationService;
import io.github.t3chat4j.application.internal.service.ExportConversationService;
import io.github.t3chat4j.application.internal.service.GatewayKeyService;
import io.github.t3chat4j.application.internal.service.ImportHistoryService;
import io.github.t3chat4j.application.internal.service.ListConversationsService;
import io.github.t3chat4j.application.internal.service.LoadBrowserSessionService;
import io.github.t3chat4j.application.internal.service.LoadConversationService;
import io.github.t3chat4j.application.internal.service.SearchConversationsService;
import io.github.t3chat4j.application.internal.service.SettingsService;
import io.github.t3chat4j.domain.browser.BrowserSessionLookup;
import io.github.t3chat4j.domain.search.SearchPage;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ConversationListing;
import io.github.t3chat4j.domain.thread.ExportFormat;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What needs no connection and no credentials: the stored conversations (list, load, search, export,
 * delete, import from the browser), the stored settings, and the session a browser on this machine is signed in
 * with. Built from the storage (and browser) adapters with {@link #of(DrivenAdapters...)}, or the view of
 * a client's ({@link T3Client#local()}); a call whose adapter is missing fails with a
 * {@link io.github.t3chat4j.application.error.NotConfiguredException} naming it. Thread-safe.
 */
public final class LocalClient {

    private final ListConversationsService listConversations;
    private final LoadConversationService loadConversation;
    private final ExportConversationService exportConversation;
    private final DeleteConversationService deleteConversation;
    private final SearchConversationsService searchConversations;
    private final ImportHistoryService importHistory;
    private final SettingsService settings;
    private final GatewayKeyService gatewayKey;
    private final LoadBrowserSessionService browserSession;

    LocalClient(Ports ports) {
        ConversationStorePort store = new MissingStore(ports.conversations);
        this.listConversations = new ListConversationsService(store);
        this.loadConversation = new LoadConversationService(store);
        this.exportConversation = new ExportConversationService(loadConversation,
                (conversation, format) -> Ports.required(ports.conversationFormatter,
                        "a conversation formatter (the storage adapters)").formatConversation(conversation, format));
        this.deleteConversation = new DeleteConversationService(store);
        this.searchConversations = new SearchConversationsService((query, order, offset, limit, rebuild, progress) ->
                Ports.required(ports.conversationSearch, "a conversation search (the storage adapters)")
                        .search(query, order, offset, limit, rebuild, progress));
        this.importHistory = new ImportHistoryService(source -> Ports.required(ports.historyParser,
                "a history parser (the storage adapters)").parseHistory(source), store);
        SettingsStorePort settingsStore = ports.settingsStore.orElseGet(MissingSettings::new);
        this.settings = new SettingsService(settingsStore);
        this.gatewayKey = new GatewayKeyService(settingsStore, new SecureRandom());
        this.browserSession = new LoadBrowserSessionService((browser, profile) -> Ports.required(
                ports.browserSessions, "a browser profile reader (the browser adapters)")
                .loadBrowserSession(browser, profile));
    }

    /**
     * The local use cases over {@code adapters} (such as {@code StorageAdapters} and {@code BrowserAdapters}).
     *
     * @param adapters the adapter sets, used as they are (none is opened, so none needs closing)
     * @return the local use cases
     */
    public static LocalClient of(DrivenAdapters... adapters) {
        Ports.Builder ports = Ports.builder();
        for (DrivenAdapters set : Inputs.required(adapters, "adapters")) {
            ports.adapters(set);
        }
        return new LocalClient(ports.buildUnopened());
    }

    /** @return the stored conversations, newest first, and the files that could not be read */
    public ConversationListing listConversations() {
        return listConversations.listConversations();
    }

    /**
     * @param threadId a stored conversation's thread id
     * @return the stored conversation
     * @throws io.github.t3chat4j.application.error.InvalidInputException when none has this id
     */
    public Conversation loadConversation(ThreadId threadId) {
        return loadConversation.loadConversation(Inputs.required(threadId, "threadId"));
    }

    /**
     * @param threadId a stored conversation's thread id
     * @param format Markdown or JSON
     * @return the conversation as text
     * @throws io.github.t3chat4j.application.error.InvalidInputException when none has this id
     */
    public String exportConversation(ThreadId threadId, ExportFormat format) {
        return exportConversation.exportConversation(new ExportConversationQuery(Inputs.required(threadId, "threadId"),
                Inputs.required(format, "format")));
    }

    /**
     * @param threadId a stored conversation's thread id
     * @throws io.github.t3chat4j.application.error.InvalidInputException when none has this id
     */
    public void deleteConversation(ThreadId threadId) {
        deleteConversation.deleteConversation(Inputs.required(threadId, "threadId"));
    }

    /**
     * Searches the stored conversations' messages and titles; the index behind it is brought up to date
     * with the conversation files first (built on the first search, rebuilt when missing or damaged).
     *
     * @param query what to look for, in which order, which page ({@code SearchConversationsQuery.of(text)})
     * @return one page of the conversations that match, each with a snippet, and the files that could not be read
     * @throws io.github.t3chat4j.application.error.StorageException when the conversations cannot be read at all
     */
    public SearchPage searchConversations(SearchConversationsQuery query) {
        return searchConversations.searchConversations(Inputs.required(query, "query"));
    }

    /**
     * Imports the history the t3.chat web app exports (its local storage) into the conversation store.
     *
     * @param source the export's file
     * @param existing what to do with a thread already stored
     * @return what was imported, merged and skipped
     */
    public ImportHistoryResult importHistory(Path source, ExistingThreadPolicy existing) {
        return importHistory.importHistory(new ImportHistoryCommand(Inputs.required(source, "source"),
                Inputs.required(existing, "existing")));
    }

    /** @return the stored settings, where they are kept, and warnings about them */
    public StoredSettingsResult settings() {
        return settings.loadSettings();
    }

    /**
     * Sets each key to its value, or removes it when the value is empty; other stored keys stay.
     *
     * @param changes the keys to set or remove
     * @return the settings afterwards
     */
    public StoredSettingsResult updateSettings(Map<String, Optional<String>> changes) {
        return settings.updateSettings(new UpdateSettingsCommand(Inputs.required(changes, "changes")));
    }

    /** @return the gateway's stored key, made and stored first when there is none */
    public GatewayKeyResult gatewayKey() {
        return gatewayKey.provideGatewayKey();
    }

    /**
     * Reads the session a browser on this machine is signed in with; stores and sends nothing.
     *
     * @param query which browser and profile
     * @return the session found, or where it was looked for in vain
     * @throws io.github.t3chat4j.application.error.BrowserProfileException when a profile exists but cannot be read
     */
    public BrowserSessionLookup loadBrowserSession(LoadBrowserSessionQuery query) {
        return browserSession.loadBrowserSession(Inputs.required(query, "query"));
    }

    /** The conversation store, or one whose every call says it is missing. */
    private static final class MissingStore implements ConversationStorePort {
        private final Optional<ConversationStorePort> store;

        MissingStore(Optional<ConversationStorePort> store) {
            this.store = store;
        }

        private ConversationStorePort store() {
            return Ports.required(store, "a conversation store (the storage adapters)");
        }

        @Override
        public void save(Conversation conversation) {
            store().save(conversation);
        }

        @Override
        public Optional<Conversation> load(ThreadId threadId) {
            return store().load(threadId);
        }

        @Override
        public ConversationListing listConversations() {
            return store().listConversations();
        }

        @Override
        public boolean deleteConversation(ThreadId threadId) {
            return store().deleteConversation(threadId);
        }

        @Override
        public boolean wasDeleted(ThreadId threadId) {
            return store().wasDeleted(threadId);
        }

        @Override
        public ConversationLock lockConversation(ThreadId threadId, BooleanSupplier giveUp) {
            return store().lockConversation(threadId, giveUp);
        }
    }

    /** The settings of a program without a settings store: each call says it is missing. */
    private static final class MissingSettings implements SettingsStorePort {
        private static <T> T missing() {
            throw new io.github.t3chat4j.application.error.NotConfiguredException("This needs a settings store (the"
                    + " storage adapters), which this client was not given.");
        }

        @Override
        public Map<String, String> loadSettings() {
            return missing();
        }

        @Override
        public void updateSettings(Map<String, Optional<String>> changes) {
            missing();
        }

        @Override
        public String location() {
            return "(no settings store)";
        }

        @Override
        public List<String> warnings() {
            return List.of();
        }
    }
}
