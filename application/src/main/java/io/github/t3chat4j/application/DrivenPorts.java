package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.NotConfiguredException;
import io.github.t3chat4j.application.port.out.DeleteConversationPort;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.FormatConversationPort;
import io.github.t3chat4j.application.port.out.InitializeSessionPort;
import io.github.t3chat4j.application.port.out.ListConversationsPort;
import io.github.t3chat4j.application.port.out.LoadBrowserSessionPort;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.application.port.out.LoadConversationPort;
import io.github.t3chat4j.application.port.out.LoadCustomerDataPort;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.LoadModelInsightsPort;
import io.github.t3chat4j.application.port.out.LockConversationPort;
import io.github.t3chat4j.application.port.out.ModelCatalogCachePort;
import io.github.t3chat4j.application.port.out.ParseHistoryPort;
import io.github.t3chat4j.application.port.out.RenewSessionPort;
import io.github.t3chat4j.application.port.out.SaveConversationPort;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.application.port.out.SearchConversationsPort;
import io.github.t3chat4j.application.port.out.SettingsStorePort;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import io.github.t3chat4j.domain.account.ActiveSession;
import io.github.t3chat4j.domain.account.PricingProduct;
import io.github.t3chat4j.domain.account.SubscriptionData;
import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import io.github.t3chat4j.domain.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every driven port the use cases may use, as one value: what a builder or a Guice module collected,
 * from which {@link UseCases} and {@link LocalUseCases} are built. Only the chat transport is needed to
 * chat; each other port is optional, and a use case that needs a missing one fails with an
 * {@link NotConfiguredException} that names it, except these, which do nothing when missing: session
 * renewal (the cookie is never rotated), session initialisation, saving a rotated session, saving
 * conversations (and, for the send, reading them back and locking them) and the catalogue cache.
 */
public final class DrivenPorts {

    private final StreamChatPort chat;
    private final RenewSessionPort renewSession;
    private final InitializeSessionPort initializeSession;
    private final SaveSessionPort saveSession;
    private final FetchImagePort fetchImage;
    private final SaveImagePort saveImage;
    private final SaveConversationPort saveConversation;
    private final LoadConversationPort loadConversation;
    private final LockConversationPort lockConversation;
    private final ListConversationsPort listConversations;
    private final DeleteConversationPort deleteConversation;
    private final SearchConversationsPort searchConversations;
    private final FormatConversationPort formatConversation;
    private final ParseHistoryPort parseHistory;
    private final LoadCustomerDataPort customerData;
    private final LoadAccountPort account;
    private final LoadModelInsightsPort modelInsights;
    private final LoadModelCatalogPort modelCatalog;
    private final ModelCatalogCachePort modelCatalogCache;
    private final SettingsStorePort settingsStore;
    private final LoadBrowserSessionPort browserSession;
    private final boolean credentialsRequired;
    private final List<AutoCloseable> resources;

    private DrivenPorts(Builder b) {
        this.chat = b.chat;
        this.renewSession = b.renewSession;
        this.initializeSession = b.initializeSession;
        this.saveSession = b.saveSession;
        this.fetchImage = b.fetchImage;
        this.saveImage = b.saveImage;
        this.saveConversation = b.saveConversation;
        this.loadConversation = b.loadConversation;
        this.lockConversation = b.lockConversation;
        this.listConversations = b.listConversations;
        this.deleteConversation = b.deleteConversation;
        this.searchConversations = b.searchConversations;
        this.formatConversation = b.formatConversation;
        this.parseHistory = b.parseHistory;
        this.customerData = b.customerData;
        this.account = b.account;
        this.modelInsights = b.modelInsights;
        this.modelCatalog = b.modelCatalog;
        this.modelCatalogCache = b.modelCatalogCache;
        this.settingsStore = b.settingsStore;
        this.browserSession = b.browserSession;
        this.credentialsRequired = b.credentialsRequired;
        this.resources = List.copyOf(b.resources);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The chat transport, if one was given. */
    public Optional<StreamChatPort> chat() {
        return Optional.ofNullable(chat);
    }

    RenewSessionPort renewSession() {
        return renewSession != null ? renewSession : session -> Optional.empty();
    }

    InitializeSessionPort initializeSession() {
        return initializeSession != null ? initializeSession : session -> { };
    }

    SaveSessionPort saveSession() {
        return saveSession != null ? saveSession : SaveSessionPort.NONE;
    }

    SaveConversationPort saveConversation() {
        return saveConversation != null ? saveConversation : conversation -> { };
    }

    ModelCatalogCachePort modelCatalogCache() {
        return modelCatalogCache != null ? modelCatalogCache : ModelCatalogCachePort.NONE;
    }

    FetchImagePort fetchImage() {
        return fetchImage != null ? fetchImage : url -> {
            throw missing("an image fetcher (imageFetcher(..), the HTTP adapters)");
        };
    }

    SaveImagePort saveImage() {
        return saveImage != null ? saveImage : (bytes, target) -> {
            throw missing("an image store (imageStore(..), the storage adapters)");
        };
    }

    LoadConversationPort loadConversation() {
        return loadConversation != null ? loadConversation : id -> {
            throw missing("a conversation store (conversationStore(..), the storage adapters)");
        };
    }

    /** The stored conversations for the send to read back: none when no store was given. */
    LoadConversationPort storedConversations() {
        return loadConversation != null ? loadConversation : id -> Optional.empty();
    }

    LockConversationPort lockConversation() {
        return lockConversation != null ? lockConversation : LockConversationPort.NONE;
    }

    ListConversationsPort listConversations() {
        return listConversations != null ? listConversations : () -> {
            throw missing("a conversation store (the storage adapters)");
        };
    }

    DeleteConversationPort deleteConversation() {
        return deleteConversation != null ? deleteConversation : id -> {
            throw missing("a conversation store (the storage adapters)");
        };
    }

    SearchConversationsPort searchConversations() {
        return searchConversations != null ? searchConversations : (query, order, offset, limit, rebuild, progress) -> {
            throw missing("a conversation search (the storage adapters)");
        };
    }

    FormatConversationPort formatConversation() {
        return formatConversation != null ? formatConversation : (conversation, format) -> {
            throw missing("a conversation formatter (the storage adapters)");
        };
    }

    ParseHistoryPort parseHistory() {
        return parseHistory != null ? parseHistory : file -> {
            throw missing("a history parser (the storage adapters)");
        };
    }

    LoadCustomerDataPort customerData() {
        return customerData != null ? customerData : session -> {
            throw missing("account access (the HTTP adapters)");
        };
    }

    LoadAccountPort account() {
        return account != null ? account : new LoadAccountPort() {
            @Override
            public SubscriptionData loadSubscription(
                    Session session) {
                throw missing("account access (the HTTP adapters)");
            }

            @Override
            public List<PricingProduct> loadPricingProducts(
                    Session session) {
                throw missing("account access (the HTTP adapters)");
            }

            @Override
            public List<ActiveSession> loadActiveSessions(
                    Session session) {
                throw missing("account access (the HTTP adapters)");
            }
        };
    }

    LoadModelInsightsPort modelInsights() {
        return modelInsights != null ? modelInsights : new LoadModelInsightsPort() {
            @Override
            public List<ModelStatus> loadModelStatuses(
                    Session session) {
                throw missing("model insights (the HTTP adapters)");
            }

            @Override
            public List<ModelBenchmark> loadModelBenchmarks(
                    Session session) {
                throw missing("model insights (the HTTP adapters)");
            }
        };
    }

    LoadModelCatalogPort modelCatalog() {
        return modelCatalog != null ? modelCatalog : new LoadModelCatalogPort() {
            @Override
            public List<ModelInfo> loadSiteModels(
                    Session session) {
                throw missing("a model catalogue (the HTTP adapters)");
            }

            @Override
            public List<ModelInfo> loadBundledModels() {
                throw missing("a model catalogue (the HTTP adapters)");
            }
        };
    }

    SettingsStorePort settingsStore() {
        return settingsStore != null ? settingsStore : new SettingsStorePort() {
            @Override
            public Map<String, String> loadSettings() {
                throw missing("a settings store (the storage adapters)");
            }

            @Override
            public void updateSettings(Map<String, Optional<String>> changes) {
                throw missing("a settings store (the storage adapters)");
            }

            @Override
            public String location() {
                return "(no settings store)";
            }
        };
    }

    LoadBrowserSessionPort browserSession() {
        return browserSession != null ? browserSession : (browser, profile) -> {
            throw missing("a browser profile reader (the browser adapters)");
        };
    }

    /** Whether an adapter sends the credentials anywhere, so a client must be given real ones. */
    boolean credentialsRequired() {
        return credentialsRequired;
    }

    /** What the adapters hold and a client closes with itself, in the order they were added. */
    List<AutoCloseable> resources() {
        return resources;
    }

    private static NotConfiguredException missing(String what) {
        return new NotConfiguredException("This needs " + what + ", which this client was not given.");
    }

    /** Collects ports; a later setting of the same port wins. */
    public static final class Builder {
        private StreamChatPort chat;
        private RenewSessionPort renewSession;
        private InitializeSessionPort initializeSession;
        private SaveSessionPort saveSession;
        private FetchImagePort fetchImage;
        private SaveImagePort saveImage;
        private SaveConversationPort saveConversation;
        private LoadConversationPort loadConversation;
        private LockConversationPort lockConversation;
        private ListConversationsPort listConversations;
        private DeleteConversationPort deleteConversation;
        private SearchConversationsPort searchConversations;
        private FormatConversationPort formatConversation;
        private ParseHistoryPort parseHistory;
        private LoadCustomerDataPort customerData;
        private LoadAccountPort account;
        private LoadModelInsightsPort modelInsights;
        private LoadModelCatalogPort modelCatalog;
        private ModelCatalogCachePort modelCatalogCache;
        private SettingsStorePort settingsStore;
        private LoadBrowserSessionPort browserSession;
        private boolean credentialsRequired;
        private final List<AutoCloseable> resources = new ArrayList<>();

        private Builder() {
        }

        /** Every port {@code adapters} implement; they are closed with whatever is built from these ports. */
        public Builder adapters(DrivenAdapters adapters) {
            requireNonNull(adapters, "adapters == null").contributeTo(this);
            resources.add(adapters);
            return this;
        }

        public Builder chat(StreamChatPort value) {
            this.chat = value;
            return this;
        }

        public Builder renewSession(RenewSessionPort value) {
            this.renewSession = value;
            return this;
        }

        public Builder initializeSession(InitializeSessionPort value) {
            this.initializeSession = value;
            return this;
        }

        public Builder saveSession(SaveSessionPort value) {
            this.saveSession = value;
            return this;
        }

        public Builder fetchImage(FetchImagePort value) {
            this.fetchImage = value;
            return this;
        }

        public Builder saveImage(SaveImagePort value) {
            this.saveImage = value;
            return this;
        }

        public Builder saveConversation(SaveConversationPort value) {
            this.saveConversation = value;
            return this;
        }

        public Builder loadConversation(LoadConversationPort value) {
            this.loadConversation = value;
            return this;
        }

        public Builder lockConversation(LockConversationPort value) {
            this.lockConversation = value;
            return this;
        }

        public Builder listConversations(ListConversationsPort value) {
            this.listConversations = value;
            return this;
        }

        public Builder deleteConversation(DeleteConversationPort value) {
            this.deleteConversation = value;
            return this;
        }

        public Builder searchConversations(SearchConversationsPort value) {
            this.searchConversations = value;
            return this;
        }

        public Builder formatConversation(FormatConversationPort value) {
            this.formatConversation = value;
            return this;
        }

        public Builder parseHistory(ParseHistoryPort value) {
            this.parseHistory = value;
            return this;
        }

        public Builder customerData(LoadCustomerDataPort value) {
            this.customerData = value;
            return this;
        }

        public Builder account(LoadAccountPort value) {
            this.account = value;
            return this;
        }

        public Builder modelInsights(LoadModelInsightsPort value) {
            this.modelInsights = value;
            return this;
        }

        public Builder modelCatalog(LoadModelCatalogPort value) {
            this.modelCatalog = value;
            return this;
        }

        public Builder modelCatalogCache(ModelCatalogCachePort value) {
            this.modelCatalogCache = value;
            return this;
        }

        public Builder settingsStore(SettingsStorePort value) {
            this.settingsStore = value;
            return this;
        }

        public Builder browserSession(LoadBrowserSessionPort value) {
            this.browserSession = value;
            return this;
        }

        /** Marks these ports as sending credentials to t3.chat: a client over them must be given real ones. */
        public Builder credentialsRequired() {
            this.credentialsRequired = true;
            return this;
        }

        /** Something to close with whatever is built from these ports. */
        public Builder closeWith(AutoCloseable value) {
            resources.add(requireNonNull(value, "value == null"));
            return this;
        }

        public DrivenPorts build() {
            return new DrivenPorts(this);
        }
    }
}
