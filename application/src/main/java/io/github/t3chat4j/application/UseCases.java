package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.internal.usecase.SendMessageCommand;
import io.github.t3chat4j.application.port.out.AccountPort;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.ModelCatalogCachePort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.application.port.out.SessionPort;
import io.github.t3chat4j.application.port.out.SleepPort;
import io.github.t3chat4j.application.internal.service.DownloadImageService;
import io.github.t3chat4j.application.internal.service.InitializeSessionService;
import io.github.t3chat4j.application.internal.service.ListModelsService;
import io.github.t3chat4j.application.internal.service.ModelCatalogService;
import io.github.t3chat4j.application.internal.service.ReadAccountService;
import io.github.t3chat4j.application.internal.service.ReadImageService;
import io.github.t3chat4j.application.internal.service.RefreshSessionService;
import io.github.t3chat4j.application.internal.service.ReplyExchange;
import io.github.t3chat4j.application.internal.service.ResolveModelService;
import io.github.t3chat4j.application.internal.service.SendMessageService;
import io.github.t3chat4j.application.internal.service.TrackCreditsService;
import io.github.t3chat4j.application.internal.session.SessionKeeper;
import io.github.t3chat4j.domain.account.ActiveSession;
import io.github.t3chat4j.domain.account.CustomerData;
import io.github.t3chat4j.domain.account.PricingProduct;
import io.github.t3chat4j.domain.account.SubscriptionData;
import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import io.github.t3chat4j.domain.session.Session;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Every use case of one connection to t3.chat, built here and nowhere else, over one
 * {@link SessionKeeper}: the builder of {@link T3Client} and the Guice module both come through here.
 * Not public: programs reach these through {@link T3Client}, {@link Chat}, {@link AccountClient} and
 * {@link LocalClient}. Thread-safe.
 */
final class UseCases {

    final SessionKeeper keeper;
    final SendMessageService sendMessage;
    final RefreshSessionService refreshSession;
    final InitializeSessionService initializeSession;
    final DownloadImageService downloadImage;
    final ReadImageService readImage;
    final ReadAccountService account;
    final ListModelsService listModels;
    final ResolveModelService resolveModel;
    final TrackCreditsService trackCredits;
    final Ports ports;
    final Options options;

    private UseCases(Ports ports, SessionKeeper keeper, Options options) {
        this.ports = ports;
        this.options = options;
        this.keeper = keeper;
        this.sendMessage = new SendMessageService(Ports.required(ports.chat, "a chat transport"), keeper,
                ports.conversations, options.clock(), options.lowerEffortWhenKeyRequired(), options.warnings());
        this.refreshSession = new RefreshSessionService(keeper);
        this.initializeSession = new InitializeSessionService(ports.session.orElse(SessionPort.NONE), keeper);
        this.downloadImage = new DownloadImageService(
                url -> Ports.required(ports.imageFetcher, "an image fetcher (the HTTP adapters)").fetch(url),
                (bytes, target) -> Ports.required(ports.imageStore.or(() -> ports.imageFiles),
                        "an image store (the storage adapters)").save(bytes, target));
        this.readImage = new ReadImageService(
                url -> Ports.required(ports.imageFetcher, "an image fetcher (the HTTP adapters)").fetch(url));
        this.account = new ReadAccountService(ports.account.orElseGet(MissingAccount::new), keeper);
        ModelCatalogService catalog = new ModelCatalogService(ports.modelCatalog.orElseGet(MissingCatalog::new),
                ports.modelCatalogCache.orElse(ModelCatalogCachePort.NONE), keeper, options.clock(),
                options.catalogMaxAge(), options.warnings());
        this.listModels = new ListModelsService(catalog, account);
        this.resolveModel = new ResolveModelService(catalog);
        this.trackCredits = new TrackCreditsService(account, options.executor(), options.sleep());
    }

    /** The use cases over {@code ports} (which must hold a chat transport) for the user of {@code session}. */
    static UseCases create(Ports ports, Session session, Options options) {
        SessionKeeper keeper = new SessionKeeper(session, ports.session.orElse(SessionPort.NONE),
                ports.sessionStore.orElse(SaveSessionPort.NONE), options.warnings(), options.clock());
        return new UseCases(ports, keeper, options);
    }

    /** The exchange of one send, not started. */
    ReplyExchange sendMessage(SendMessageCommand command) {
        return sendMessage.sendMessage(command);
    }

    /**
     * How the use cases keep time, run background work and report warnings.
     *
     * @param executor runs background work: the balance read before a tracked send, asynchronous sends
     * @param sleep waits between balance polls
     * @param warnings hears a sentence about something that went wrong without failing the request
     * @param catalogMaxAge how long a cached model catalogue is used before the site is read again
     * @param lowerEffortWhenKeyRequired whether a send refused for want of the user's own key is sent once
     *     more at low effort
     */
    record Options(Clock clock, Executor executor, SleepPort sleep, Consumer<String> warnings,
            Duration catalogMaxAge, boolean lowerEffortWhenKeyRequired) {

        /** Runs each task on a fresh daemon thread, so nothing waits for a pool and nothing keeps the JVM alive. */
        static final Executor DAEMON_THREAD_PER_TASK = task -> {
            Thread thread = new Thread(task, "t3chat4j-background");
            thread.setDaemon(true);
            thread.start();
        };

        Options {
            requireNonNull(clock, "clock == null");
            requireNonNull(executor, "executor == null");
            requireNonNull(sleep, "sleep == null");
            requireNonNull(warnings, "warnings == null");
            requireNonNull(catalogMaxAge, "catalogMaxAge == null");
        }

        static Options defaults() {
            return new Options(Clock.systemUTC(), DAEMON_THREAD_PER_TASK, SleepPort.THREAD_SLEEP, warning -> { },
                    ModelCatalogService.DEFAULT_MAX_AGE, false);
        }
    }

    /** The account reads of a client without account access: each says what is missing. */
    private static final class MissingAccount implements AccountPort {
        private static <T> T missing() {
            throw new io.github.t3chat4j.application.error.NotConfiguredException("This needs account access (the"
                    + " HTTP adapters), which this client was not given.");
        }

        @Override
        public CustomerData loadCustomerData(Session session) {
            return missing();
        }

        @Override
        public SubscriptionData loadSubscription(Session session) {
            return missing();
        }

        @Override
        public List<PricingProduct> loadPricingProducts(Session session) {
            return missing();
        }

        @Override
        public List<ActiveSession> loadActiveSessions(Session session) {
            return missing();
        }

        @Override
        public List<ModelStatus> loadModelStatuses(Session session) {
            return missing();
        }

        @Override
        public List<ModelBenchmark> loadModelBenchmarks(Session session) {
            return missing();
        }
    }

    /** The model catalogue of a client without one: says what is missing. */
    private static final class MissingCatalog implements LoadModelCatalogPort {
        private static <T> T missing() {
            throw new io.github.t3chat4j.application.error.NotConfiguredException("This needs a model catalogue (the"
                    + " HTTP adapters), which this client was not given.");
        }

        @Override
        public List<ModelInfo> loadSiteModels(Session session) {
            return missing();
        }

        @Override
        public List<ModelInfo> loadBundledModels() {
            return missing();
        }
    }
}
