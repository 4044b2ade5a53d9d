package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.port.in.DownloadImageUseCase;
import io.github.t3chat4j.application.port.in.GetCreditsUseCase;
import io.github.t3chat4j.application.port.in.GetModelBenchmarksUseCase;
import io.github.t3chat4j.application.port.in.GetModelStatusesUseCase;
import io.github.t3chat4j.application.port.in.GetSubscriptionUseCase;
import io.github.t3chat4j.application.port.in.InitializeSessionUseCase;
import io.github.t3chat4j.application.port.in.ListActiveSessionsUseCase;
import io.github.t3chat4j.application.port.in.ListModelsUseCase;
import io.github.t3chat4j.application.port.in.ListPricingProductsUseCase;
import io.github.t3chat4j.application.port.in.LoadConversationUseCase;
import io.github.t3chat4j.application.port.in.ReadImageUseCase;
import io.github.t3chat4j.application.port.in.RefreshSessionUseCase;
import io.github.t3chat4j.application.port.in.ResolveModelUseCase;
import io.github.t3chat4j.application.port.in.SendMessageUseCase;
import io.github.t3chat4j.application.port.in.TrackCreditsUseCase;
import io.github.t3chat4j.application.port.out.SaveConversationPort;
import io.github.t3chat4j.application.port.out.SleepPort;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import io.github.t3chat4j.application.service.DownloadImageService;
import io.github.t3chat4j.application.service.InitializeSessionService;
import io.github.t3chat4j.application.service.ListModelsService;
import io.github.t3chat4j.application.service.LoadConversationService;
import io.github.t3chat4j.application.service.ModelCatalogService;
import io.github.t3chat4j.application.service.ReadAccountService;
import io.github.t3chat4j.application.service.ReadImageService;
import io.github.t3chat4j.application.service.RefreshSessionService;
import io.github.t3chat4j.application.service.ResolveModelService;
import io.github.t3chat4j.application.service.SendMessageService;
import io.github.t3chat4j.application.service.TrackCreditsService;
import io.github.t3chat4j.application.session.SessionKeeper;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.thread.Conversation;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Every use case of one connection to t3.chat, built here and nowhere else, over one
 * {@link SessionKeeper}: the builder of {@link T3Client} and the Guice module both come through here.
 * A driving adapter that keeps no conversation state of its own (a gateway answering stateless
 * requests, say) uses these directly; {@link T3Client} is the stateful facade over them. Thread-safe.
 */
public final class UseCases {

    private final SessionKeeper keeper;
    private final SendMessageService sendMessage;
    private final RefreshSessionService refreshSession;
    private final InitializeSessionService initializeSession;
    private final DownloadImageService downloadImage;
    private final ReadImageService readImage;
    private final LoadConversationService loadConversation;
    private final ReadAccountService account;
    private final ListModelsService listModels;
    private final ResolveModelService resolveModel;
    private final TrackCreditsService trackCredits;
    private final SaveConversationPort saveConversation;

    private UseCases(DrivenPorts ports, SessionKeeper keeper, Options options) {
        StreamChatPort chat = ports.chat().orElseThrow(() -> new InvalidInputException("No chat transport."));
        this.keeper = keeper;
        this.sendMessage = new SendMessageService(chat, keeper, ports.saveConversation(), ports.storedConversations(),
                ports.lockConversation(), options.clock(), options.lowerEffortWhenKeyRequired(), options.warnings());
        this.refreshSession = new RefreshSessionService(keeper);
        this.initializeSession = new InitializeSessionService(ports.initializeSession(), keeper);
        this.downloadImage = new DownloadImageService(ports.fetchImage(), ports.saveImage());
        this.readImage = new ReadImageService(ports.fetchImage());
        this.loadConversation = new LoadConversationService(ports.loadConversation());
        this.account = new ReadAccountService(ports.customerData(), ports.account(), ports.modelInsights(), keeper);
        ModelCatalogService catalog = new ModelCatalogService(ports.modelCatalog(), ports.modelCatalogCache(), keeper,
                options.clock(), options.catalogMaxAge(), options.warnings());
        this.listModels = new ListModelsService(catalog, account);
        this.resolveModel = new ResolveModelService(catalog);
        this.trackCredits = new TrackCreditsService(account, options.executor(), options.sleep());
        this.saveConversation = ports.saveConversation();
    }

    /** The use cases over {@code ports} (which must hold a chat transport) for the user of {@code session}. */
    static UseCases create(DrivenPorts ports, Session session, Options options) {
        SessionKeeper keeper = new SessionKeeper(session, ports.renewSession(), ports.saveSession(),
                options.warnings(), options.clock());
        return new UseCases(ports, keeper, options);
    }

    /** The keeper of this connection's session. */
    public SessionKeeper sessionKeeper() {
        return keeper;
    }

    public SendMessageUseCase sendMessage() {
        return sendMessage;
    }

    public RefreshSessionUseCase refreshSession() {
        return refreshSession;
    }

    public InitializeSessionUseCase initializeSession() {
        return initializeSession;
    }

    public DownloadImageUseCase downloadImage() {
        return downloadImage;
    }

    public ReadImageUseCase readImage() {
        return readImage;
    }

    public LoadConversationUseCase loadConversation() {
        return loadConversation;
    }

    public GetCreditsUseCase getCredits() {
        return account;
    }

    public GetSubscriptionUseCase getSubscription() {
        return account;
    }

    public ListPricingProductsUseCase listPricingProducts() {
        return account;
    }

    public ListActiveSessionsUseCase listActiveSessions() {
        return account;
    }

    public GetModelStatusesUseCase getModelStatuses() {
        return account;
    }

    public GetModelBenchmarksUseCase getModelBenchmarks() {
        return account;
    }

    public ListModelsUseCase listModels() {
        return listModels;
    }

    public ResolveModelUseCase resolveModel() {
        return resolveModel;
    }

    public TrackCreditsUseCase trackCredits() {
        return trackCredits;
    }

    /** Saves a conversation the facade changed after a send (an image saved into its last message). */
    void saveConversation(Conversation conversation) {
        saveConversation.save(conversation);
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
}
