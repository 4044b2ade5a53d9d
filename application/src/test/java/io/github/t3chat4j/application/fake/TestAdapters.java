package io.github.t3chat4j.application.fake;

import io.github.t3chat4j.application.DrivenAdapters;
import io.github.t3chat4j.application.port.out.AccountPort;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.ModelCatalogCachePort;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.application.port.out.SessionPort;
import io.github.t3chat4j.domain.session.Session;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A set of driven adapters for tests, port by port; it counts how often it was opened and how often what
 * it opened was closed, as the HTTP adapters' connection pool would be.
 */
public final class TestAdapters implements DrivenAdapters {

    private SessionPort session;
    private SaveSessionPort sessionStore;
    private ConversationStorePort conversations;
    private FetchImagePort imageFetcher;
    private SaveImagePort imageStore;
    private AccountPort account;
    private LoadModelCatalogPort modelCatalog;
    private ModelCatalogCachePort modelCatalogCache;
    private boolean opens;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    /** Renews the session with {@code renew}'s value. */
    public TestAdapters renewing(Function<Session, Optional<String>> renew) {
        this.session = new SessionPort() {
            @Override
            public void initialize(Session s) {
            }

            @Override
            public Optional<String> renewWosSession(Session s) {
                return renew.apply(s);
            }
        };
        return this;
    }

    public TestAdapters sessionStore(SaveSessionPort value) {
        this.sessionStore = value;
        return this;
    }

    public TestAdapters conversations(ConversationStorePort value) {
        this.conversations = value;
        return this;
    }

    public TestAdapters imageFetcher(FetchImagePort value) {
        this.imageFetcher = value;
        return this;
    }

    public TestAdapters imageStore(SaveImagePort value) {
        this.imageStore = value;
        return this;
    }

    public TestAdapters account(AccountPort value) {
        this.account = value;
        return this;
    }

    public TestAdapters modelCatalog(LoadModelCatalogPort value) {
        this.modelCatalog = value;
        return this;
    }

    public TestAdapters modelCatalogCache(ModelCatalogCachePort value) {
        this.modelCatalogCache = value;
        return this;
    }

    /** Makes {@link #open()} return a fresh set each time, as adapters holding a connection pool do. */
    public TestAdapters opening() {
        this.opens = true;
        return this;
    }

    public int opened() {
        return opened.get();
    }

    public int closed() {
        return closed.get();
    }

    @Override
    public DrivenAdapters open() {
        if (!opens) {
            return this;
        }
        opened.incrementAndGet();
        TestAdapters recipe = this;
        return new DrivenAdapters() {
            @Override
            public Optional<SessionPort> session() {
                return recipe.session();
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }

    @Override
    public Optional<SessionPort> session() {
        return Optional.ofNullable(session);
    }

    @Override
    public Optional<SaveSessionPort> sessionStore() {
        return Optional.ofNullable(sessionStore);
    }

    @Override
    public Optional<ConversationStorePort> conversationStore() {
        return Optional.ofNullable(conversations);
    }

    @Override
    public Optional<FetchImagePort> imageFetcher() {
        return Optional.ofNullable(imageFetcher);
    }

    @Override
    public Optional<SaveImagePort> imageStore() {
        return Optional.ofNullable(imageStore);
    }

    @Override
    public Optional<AccountPort> account() {
        return Optional.ofNullable(account);
    }

    @Override
    public Optional<LoadModelCatalogPort> modelCatalog() {
        return Optional.ofNullable(modelCatalog);
    }

    @Override
    public Optional<ModelCatalogCachePort> modelCatalogCache() {
        return Optional.ofNullable(modelCatalogCache);
    }
}
