package io.github.t3chat4j.application;

import io.github.t3chat4j.application.error.NotConfiguredException;
import io.github.t3chat4j.application.port.out.AccountPort;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.FormatConversationPort;
import io.github.t3chat4j.application.port.out.LoadBrowserSessionPort;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.ModelCatalogCachePort;
import io.github.t3chat4j.application.port.out.ParseHistoryPort;
import io.github.t3chat4j.application.port.out.ProbeConnectionPort;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.application.port.out.SearchConversationsPort;
import io.github.t3chat4j.application.port.out.SessionPort;
import io.github.t3chat4j.application.port.out.SettingsStorePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every driven port a client or the local use cases are built over, as one value: what a builder or the
 * Guice module collected from the adapter sets (opened for this client) and from single ports. Only the
 * chat transport is needed to chat; a use case that needs a missing port fails with a
 * {@link NotConfiguredException} naming it, except these, which do nothing when missing: the session's
 * opening and renewal, keeping a renewed session, the conversation store (for the send) and the
 * catalogue cache.
 */
final class Ports {

    final Optional<ChatTransport> chat;
    final Optional<SessionPort> session;
    final Optional<SaveSessionPort> sessionStore;
    final Optional<AccountPort> account;
    final Optional<LoadModelCatalogPort> modelCatalog;
    final Optional<ModelCatalogCachePort> modelCatalogCache;
    final Optional<FetchImagePort> imageFetcher;
    final Optional<SaveImagePort> imageStore;
    final Optional<SaveImagePort> imageFiles;
    final Optional<ConversationStorePort> conversations;
    final Optional<SearchConversationsPort> conversationSearch;
    final Optional<FormatConversationPort> conversationFormatter;
    final Optional<ParseHistoryPort> historyParser;
    final Optional<SettingsStorePort> settingsStore;
    final Optional<LoadBrowserSessionPort> browserSessions;
    final Optional<ProbeConnectionPort> connectionProbe;
    final boolean credentialsRequired;
    /** What was opened for these ports, in the order it was opened: the owner closes it, in reverse. */
    final List<AutoCloseable> opened;

    private Ports(Builder b) {
        this.chat = Optional.ofNullable(b.chat);
        this.session = Optional.ofNullable(b.session);
        this.sessionStore = Optional.ofNullable(b.sessionStore);
        this.account = Optional.ofNullable(b.account);
        this.modelCatalog = Optional.ofNullable(b.modelCatalog);
        this.modelCatalogCache = Optional.ofNullable(b.modelCatalogCache);
        this.imageFetcher = Optional.ofNullable(b.imageFetcher);
        this.imageStore = Optional.ofNullable(b.imageStore);
        this.imageFiles = Optional.ofNullable(b.imageFiles);
        this.conversations = Optional.ofNullable(b.conversations);
        this.conversationSearch = Optional.ofNullable(b.conversationSearch);
        this.conversationFormatter = Optional.ofNullable(b.conversationFormatter);
        this.historyParser = Optional.ofNullable(b.historyParser);
        this.settingsStore = Optional.ofNullable(b.settingsStore);
        this.browserSessions = Optional.ofNullable(b.browserSessions);
        this.connectionProbe = Optional.ofNullable(b.connectionProbe);
        this.credentialsRequired = b.credentialsRequired;
        this.opened = List.copyOf(b.opened);
    }

    static Builder builder() {
        return new Builder();
    }

    /** {@code port}, or a {@link NotConfiguredException} saying what is missing and where it comes from. */
    static <T> T required(Optional<T> port, String what) {
        return port.orElseThrow(() -> new NotConfiguredException("This needs " + what + ", which this client was"
                + " not given."));
    }

    /** Collects ports; a later setting of the same port wins. */
    static final class Builder {
        private ChatTransport chat;
        private SessionPort session;
        private SaveSessionPort sessionStore;
        private AccountPort account;
        private LoadModelCatalogPort modelCatalog;
        private ModelCatalogCachePort modelCatalogCache;
        private FetchImagePort imageFetcher;
        private SaveImagePort imageStore;
        private SaveImagePort imageFiles;
        private ConversationStorePort conversations;
        private SearchConversationsPort conversationSearch;
        private FormatConversationPort conversationFormatter;
        private ParseHistoryPort historyParser;
        private SettingsStorePort settingsStore;
        private LoadBrowserSessionPort browserSessions;
        private ProbeConnectionPort connectionProbe;
        private boolean credentialsRequired;
        private final List<DrivenAdapters> recipes = new ArrayList<>();
        private final List<AutoCloseable> opened = new ArrayList<>();

        /** Every port {@code adapters} offer; they are opened when the ports are built. */
        Builder adapters(DrivenAdapters adapters) {
            recipes.add(Inputs.required(adapters, "adapters"));
            return this;
        }

        Builder chat(ChatTransport value) {
            this.chat = value;
            return this;
        }

        Builder session(SessionPort value) {
            this.session = value;
            return this;
        }

        Builder sessionStore(SaveSessionPort value) {
            this.sessionStore = value;
            return this;
        }

        Builder account(AccountPort value) {
            this.account = value;
            return this;
        }

        Builder modelCatalog(LoadModelCatalogPort value) {
            this.modelCatalog = value;
            return this;
        }

        Builder modelCatalogCache(ModelCatalogCachePort value) {
            this.modelCatalogCache = value;
            return this;
        }

        Builder imageFetcher(FetchImagePort value) {
            this.imageFetcher = value;
            return this;
        }

        Builder imageStore(SaveImagePort value) {
            this.imageStore = value;
            return this;
        }

        Builder imageFiles(SaveImagePort value) {
            this.imageFiles = value;
            return this;
        }

        Builder conversations(ConversationStorePort value) {
            this.conversations = value;
            return this;
        }

        Builder conversationSearch(SearchConversationsPort value) {
            this.conversationSearch = value;
            return this;
        }

        Builder conversationFormatter(FormatConversationPort value) {
            this.conversationFormatter = value;
            return this;
        }

        Builder historyParser(ParseHistoryPort value) {
            this.historyParser = value;
            return this;
        }

        Builder settingsStore(SettingsStorePort value) {
            this.settingsStore = value;
            return this;
        }

        Builder browserSessions(LoadBrowserSessionPort value) {
            this.browserSessions = value;
            return this;
        }

        Builder connectionProbe(ProbeConnectionPort value) {
            this.connectionProbe = value;
            return this;
        }

        /** Something opened for these ports, for their owner to close. */
        Builder closeWith(AutoCloseable value) {
            opened.add(Inputs.required(value, "value"));
            return this;
        }

        /**
         * Opens every adapter set (in the order given; single ports set before or after a set lose to it
         * only where the set comes later) and collects the ports. When opening one fails, what was opened
         * so far is closed and the failure thrown.
         */
        Ports build() {
            return build(true);
        }

        /**
         * The ports of the sets as they are, without opening any: for what needs no connection (the local
         * use cases), which a set offers without being opened (a set that must be opened offers nothing).
         */
        Ports buildUnopened() {
            return build(false);
        }

        private Ports build(boolean open) {
            Builder singles = copyOfSingles();
            try {
                for (DrivenAdapters recipe : recipes) {
                    DrivenAdapters set = open ? recipe.open() : recipe;
                    if (set != recipe) {
                        opened.add(set);
                    }
                    take(set);
                }
            } catch (RuntimeException e) {
                closeAll(opened, e);
                throw e;
            }
            singles.applyTo(this);
            return new Ports(this);
        }

        private void take(DrivenAdapters set) {
            set.chatTransport().ifPresent(this::chat);
            set.session().ifPresent(this::session);
            set.sessionStore().ifPresent(this::sessionStore);
            set.account().ifPresent(this::account);
            set.modelCatalog().ifPresent(this::modelCatalog);
            set.modelCatalogCache().ifPresent(this::modelCatalogCache);
            set.imageFetcher().ifPresent(this::imageFetcher);
            set.imageStore().ifPresent(this::imageStore);
            set.imageFiles().ifPresent(this::imageFiles);
            set.conversationStore().ifPresent(this::conversations);
            set.conversationSearch().ifPresent(this::conversationSearch);
            set.conversationFormatter().ifPresent(this::conversationFormatter);
            set.historyParser().ifPresent(this::historyParser);
            set.settingsStore().ifPresent(this::settingsStore);
            set.browserSessions().ifPresent(this::browserSessions);
            set.connectionProbe().ifPresent(this::connectionProbe);
            credentialsRequired |= set.sendsCredentials();
        }

        /** The single ports set so far: they win over the sets' (a transport of one's own in a test). */
        private Builder copyOfSingles() {
            Builder singles = new Builder();
            singles.chat = chat;
            singles.session = session;
            singles.sessionStore = sessionStore;
            singles.account = account;
            singles.modelCatalog = modelCatalog;
            singles.modelCatalogCache = modelCatalogCache;
            singles.imageFetcher = imageFetcher;
            singles.imageStore = imageStore;
            singles.imageFiles = imageFiles;
            singles.conversations = conversations;
            singles.conversationSearch = conversationSearch;
            singles.conversationFormatter = conversationFormatter;
            singles.historyParser = historyParser;
            singles.settingsStore = settingsStore;
            singles.browserSessions = browserSessions;
            singles.connectionProbe = connectionProbe;
            return singles;
        }

        private void applyTo(Builder target) {
            apply(chat, target::chat);
            apply(session, target::session);
            apply(sessionStore, target::sessionStore);
            apply(account, target::account);
            apply(modelCatalog, target::modelCatalog);
            apply(modelCatalogCache, target::modelCatalogCache);
            apply(imageFetcher, target::imageFetcher);
            apply(imageStore, target::imageStore);
            apply(imageFiles, target::imageFiles);
            apply(conversations, target::conversations);
            apply(conversationSearch, target::conversationSearch);
            apply(conversationFormatter, target::conversationFormatter);
            apply(historyParser, target::historyParser);
            apply(settingsStore, target::settingsStore);
            apply(browserSessions, target::browserSessions);
            apply(connectionProbe, target::connectionProbe);
        }

        private static <T> void apply(T value, Function<T, Builder> setter) {
            if (value != null) {
                setter.apply(value);
            }
        }
    }

    /** Closes {@code resources} in reverse order; failures are added to {@code failure}, or thrown as one. */
    static void closeAll(List<AutoCloseable> resources, RuntimeException failure) {
        RuntimeException first = failure;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = new io.github.t3chat4j.application.error.T3ChatException("Closing " + resources.get(i).getClass().getSimpleName()
                            + " failed", e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (failure == null && first != null) {
            throw first;
        }
    }
}
