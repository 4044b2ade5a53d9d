package io.github.t3chat4j.application;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.github.t3chat4j.application.port.out.DeleteConversationPort;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.FormatConversationPort;
import io.github.t3chat4j.application.port.out.InitializeSessionPort;
import io.github.t3chat4j.application.port.out.ListConversationsPort;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.application.port.out.LoadBrowserSessionPort;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Guice side of the core, and its only Guice class. Adapter modules add their ready-made
 * {@link DrivenAdapters} to the set {@link #adapters(Binder)} returns (the HTTP module adds its
 * {@code HttpAdapters}); a single port can also be bound on its own, and then wins over the adapters'
 * (a {@link StreamChatPort} of your own in a test, say). Every port is optional (declared with an
 * {@link OptionalBinder}), so an injector may bind any subset. It provides:
 * <ul>
 *   <li>{@link T3Client.Builder}, a fresh one per request, holding every bound port and adapter set; the
 *       built client closes the adapters (the HTTP connection pool, say). Add credentials, then build.
 *       The adapters are singletons: build one client per injector, as closing it closes them;</li>
 *   <li>{@link LocalUseCases} over the bound storage ports, which need no credentials.</li>
 * </ul>
 * The use cases themselves are built by {@link UseCases} and {@link LocalUseCases}, as without Guice.
 */
public final class ApplicationModule extends AbstractModule {

    private static final List<Class<?>> PORTS = List.of(StreamChatPort.class, RenewSessionPort.class,
            InitializeSessionPort.class, SaveSessionPort.class, FetchImagePort.class, SaveImagePort.class,
            SaveConversationPort.class, LoadConversationPort.class, LockConversationPort.class, ListConversationsPort.class,
            DeleteConversationPort.class, SearchConversationsPort.class, FormatConversationPort.class, ParseHistoryPort.class,
            LoadCustomerDataPort.class, LoadAccountPort.class, LoadModelInsightsPort.class,
            LoadModelCatalogPort.class, ModelCatalogCachePort.class, SettingsStorePort.class,
            LoadBrowserSessionPort.class);

    /** The set that adapter modules add their ready-made adapters to. */
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
    BoundPorts boundPorts(Set<DrivenAdapters> adapters, Optional<StreamChatPort> chat,
            Optional<RenewSessionPort> renewSession, Optional<InitializeSessionPort> initializeSession,
            Optional<SaveSessionPort> saveSession, Optional<FetchImagePort> fetchImage,
            Optional<SaveImagePort> saveImage, Optional<SaveConversationPort> saveConversation,
            Optional<LoadConversationPort> loadConversation, Optional<LockConversationPort> lockConversation,
            Optional<ListConversationsPort> listConversations,
            Optional<DeleteConversationPort> deleteConversation,
            Optional<SearchConversationsPort> searchConversations,
            Optional<FormatConversationPort> formatConversation, Optional<ParseHistoryPort> parseHistory,
            Optional<LoadCustomerDataPort> customerData, Optional<LoadAccountPort> account,
            Optional<LoadModelInsightsPort> modelInsights, Optional<LoadModelCatalogPort> modelCatalog,
            Optional<ModelCatalogCachePort> modelCatalogCache, Optional<SettingsStorePort> settingsStore,
            Optional<LoadBrowserSessionPort> browserSession) {
        return ports -> {
            adapters.forEach(ports::adapters);
            chat.ifPresent(ports::chat);
            renewSession.ifPresent(ports::renewSession);
            initializeSession.ifPresent(ports::initializeSession);
            saveSession.ifPresent(ports::saveSession);
            fetchImage.ifPresent(ports::fetchImage);
            saveImage.ifPresent(ports::saveImage);
            saveConversation.ifPresent(ports::saveConversation);
            loadConversation.ifPresent(ports::loadConversation);
            lockConversation.ifPresent(ports::lockConversation);
            listConversations.ifPresent(ports::listConversations);
            deleteConversation.ifPresent(ports::deleteConversation);
            searchConversations.ifPresent(ports::searchConversations);
            formatConversation.ifPresent(ports::formatConversation);
            parseHistory.ifPresent(ports::parseHistory);
            customerData.ifPresent(ports::customerData);
            account.ifPresent(ports::account);
            modelInsights.ifPresent(ports::modelInsights);
            modelCatalog.ifPresent(ports::modelCatalog);
            modelCatalogCache.ifPresent(ports::modelCatalogCache);
            settingsStore.ifPresent(ports::settingsStore);
            browserSession.ifPresent(ports::browserSession);
        };
    }

    /** A fresh builder per call, with every bound port; the caller adds credentials, then builds. */
    @Provides
    T3Client.Builder clientBuilder(BoundPorts bound) {
        return T3Client.builder().ports(bound);
    }

    @Provides
    LocalUseCases localUseCases(BoundPorts bound) {
        DrivenPorts.Builder ports = DrivenPorts.builder();
        bound.accept(ports);
        return LocalUseCases.of(ports.build());
    }

    /** What the injector binds, applied to a builder of ports: the adapter sets first, then single ports. */
    @FunctionalInterface
    interface BoundPorts extends Consumer<DrivenPorts.Builder> {
    }
}
