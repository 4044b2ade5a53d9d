package io.github.t3chat4j.application;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Guice side of the core, and its only Guice class. Adapter modules add their adapter sets to the
 * set {@link #adapters(Binder)} returns (the HTTP module adds its {@code HttpAdapters}); a single port
 * can also be bound on its own, and then wins over the sets' (a {@link ChatTransport} of your own in a
 * test, say). Every port is optional (declared with an {@link OptionalBinder}), so an injector may bind
 * any subset. It provides:
 * <ul>
 *   <li>{@link T3Client.Builder}, a fresh one per request, holding every bound port and adapter set; add
 *       credentials, then build. Each client opens the adapter sets for itself and closes what it opened,
 *       so an injector builds any number of clients, and closing one never affects another;</li>
 *   <li>{@link LocalClient} over the bound storage ports, which need no credentials.</li>
 * </ul>
 * The use cases themselves are built as without Guice.
 */
public final class ApplicationModule extends AbstractModule {

    private static final List<Class<?>> PORTS = List.of(ChatTransport.class, SessionPort.class,
            SaveSessionPort.class, AccountPort.class, LoadModelCatalogPort.class, ModelCatalogCachePort.class,
            FetchImagePort.class, SaveImagePort.class, ConversationStorePort.class, SearchConversationsPort.class,
            FormatConversationPort.class,
            ParseHistoryPort.class, SettingsStorePort.class, LoadBrowserSessionPort.class, ProbeConnectionPort.class);

    /** Creates the module; it binds nothing but optional ports and the adapter set. */
    public ApplicationModule() {
    }

    /**
     * The set that adapter modules add their adapter sets to.
     *
     * @param binder the binder of the module that adds
     * @return the set's binder
     */
    public static Multibinder<DrivenAdapters> adapters(Binder binder) {
        return Multibinder.newSetBinder(binder, DrivenAdapters.class);
    }

    @Override
    protected void configure() {
        for (Class<?> port : PORTS) {
            OptionalBinder.newOptionalBinder(binder(), port);
        }
        adapters(binder());
    }

    @Provides
    BoundPorts boundPorts(Set<DrivenAdapters> adapters, Optional<ChatTransport> chat, Optional<SessionPort> session,
            Optional<SaveSessionPort> sessionStore, Optional<AccountPort> account,
            Optional<LoadModelCatalogPort> modelCatalog, Optional<ModelCatalogCachePort> modelCatalogCache,
            Optional<FetchImagePort> imageFetcher, Optional<SaveImagePort> imageStore,
            Optional<ConversationStorePort> conversations, Optional<SearchConversationsPort> conversationSearch,
            Optional<FormatConversationPort> formatter,
            Optional<ParseHistoryPort> historyParser, Optional<SettingsStorePort> settingsStore,
            Optional<LoadBrowserSessionPort> browserSessions, Optional<ProbeConnectionPort> connectionProbe) {
        return ports -> {
            adapters.forEach(ports::adapters);
            chat.ifPresent(ports::chat);
            session.ifPresent(ports::session);
            sessionStore.ifPresent(ports::sessionStore);
            account.ifPresent(ports::account);
            modelCatalog.ifPresent(ports::modelCatalog);
            modelCatalogCache.ifPresent(ports::modelCatalogCache);
            imageFetcher.ifPresent(ports::imageFetcher);
            imageStore.ifPresent(ports::imageStore);
            conversations.ifPresent(ports::conversations);
            conversationSearch.ifPresent(ports::conversationSearch);
            formatter.ifPresent(ports::conversationFormatter);
            historyParser.ifPresent(ports::historyParser);
            settingsStore.ifPresent(ports::settingsStore);
            browserSessions.ifPresent(ports::browserSessions);
            connectionProbe.ifPresent(ports::connectionProbe);
        };
    }

    /** A fresh builder per call, with every bound port; the caller adds credentials, then builds. */
    @Provides
    T3Client.Builder clientBuilder(BoundPorts bound) {
        return T3Client.builder().ports(bound);
    }

    @Provides
    LocalClient localClient(BoundPorts bound) {
        Ports.Builder ports = Ports.builder();
        bound.accept(ports);
        return new LocalClient(ports.buildUnopened());
    }

    /** What the injector binds, applied to a builder of ports: the adapter sets, then single ports. */
    @FunctionalInterface
    interface BoundPorts extends Consumer<Ports.Builder> {
    }
}
