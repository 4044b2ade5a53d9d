package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.AccountQuery;
import io.github.t3chat4j.application.port.in.GetCreditsUseCase;
import io.github.t3chat4j.application.port.in.GetModelBenchmarksUseCase;
import io.github.t3chat4j.application.port.in.GetModelStatusesUseCase;
import io.github.t3chat4j.application.port.in.GetSubscriptionUseCase;
import io.github.t3chat4j.application.port.in.ListActiveSessionsUseCase;
import io.github.t3chat4j.application.port.in.ListModelsQuery;
import io.github.t3chat4j.application.port.in.ListModelsUseCase;
import io.github.t3chat4j.application.port.in.ListPricingProductsUseCase;
import io.github.t3chat4j.application.port.in.ResolveModelQuery;
import io.github.t3chat4j.application.port.in.ResolveModelUseCase;
import io.github.t3chat4j.application.port.in.TrackCreditsCommand;
import io.github.t3chat4j.application.port.in.TrackCreditsResult;
import io.github.t3chat4j.application.port.in.TrackCreditsUseCase;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.application.port.out.LoadCustomerDataPort;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.LoadModelInsightsPort;
import io.github.t3chat4j.application.port.out.SleepPort;
import io.github.t3chat4j.application.service.GetCreditsService;
import io.github.t3chat4j.application.service.GetModelBenchmarksService;
import io.github.t3chat4j.application.service.GetModelStatusesService;
import io.github.t3chat4j.application.service.GetSubscriptionService;
import io.github.t3chat4j.application.service.ListActiveSessionsService;
import io.github.t3chat4j.application.service.ListModelsService;
import io.github.t3chat4j.application.service.ListPricingProductsService;
import io.github.t3chat4j.application.service.ResolveModelService;
import io.github.t3chat4j.application.service.TrackCreditsService;
import io.github.t3chat4j.domain.account.ActiveSession;
import io.github.t3chat4j.domain.account.CustomerData;
import io.github.t3chat4j.domain.account.PricingProduct;
import io.github.t3chat4j.domain.account.SubscriptionData;
import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.stream.Reply;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Account and catalogue operations over the use cases: credits, subscription, pricing, active
 * sessions, model statuses and benchmarks, the model list, model-id checking, and the credits a send
 * used. Stateless and thread-safe; the session is passed to each call. Build one with
 * {@link #create(LoadCustomerDataPort, LoadAccountPort, LoadModelInsightsPort, LoadModelCatalogPort)}.
 */
public final class AccountClient {

    /** Runs each before-send balance read on a fresh daemon thread, so a send never waits for a pool. */
    static final Executor DAEMON_THREAD_PER_TASK = task -> {
        Thread thread = new Thread(task, "t3chat4j-balance-read");
        thread.setDaemon(true);
        thread.start();
    };

    private final GetCreditsUseCase credits;
    private final GetSubscriptionUseCase subscription;
    private final ListPricingProductsUseCase pricingProducts;
    private final ListActiveSessionsUseCase activeSessions;
    private final GetModelStatusesUseCase modelStatuses;
    private final GetModelBenchmarksUseCase modelBenchmarks;
    private final ListModelsUseCase models;
    private final ResolveModelUseCase resolveModel;
    private final TrackCreditsUseCase trackCredits;

    private AccountClient(LoadCustomerDataPort customerData, LoadAccountPort account, LoadModelInsightsPort insights,
            LoadModelCatalogPort catalog, Executor executor, SleepPort sleep) {
        this.credits = new GetCreditsService(customerData);
        this.subscription = new GetSubscriptionService(account);
        this.pricingProducts = new ListPricingProductsService(account);
        this.activeSessions = new ListActiveSessionsService(account);
        this.modelStatuses = new GetModelStatusesService(insights);
        this.modelBenchmarks = new GetModelBenchmarksService(insights);
        this.models = new ListModelsService(catalog, insights);
        this.resolveModel = new ResolveModelService(catalog);
        this.trackCredits = new TrackCreditsService(customerData, executor, sleep);
    }

    /** A client over these ports that reads the before-send balance on a daemon thread and really sleeps between polls. */
    public static AccountClient create(LoadCustomerDataPort customerData, LoadAccountPort account,
            LoadModelInsightsPort insights, LoadModelCatalogPort catalog) {
        return create(customerData, account, insights, catalog, DAEMON_THREAD_PER_TASK, SleepPort.THREAD_SLEEP);
    }

    /** A client with its own executor for the before-send read and its own way of waiting between polls. */
    public static AccountClient create(LoadCustomerDataPort customerData, LoadAccountPort account,
            LoadModelInsightsPort insights, LoadModelCatalogPort catalog, Executor executor, SleepPort sleep) {
        return new AccountClient(requireNonNull(customerData, "customerData == null"),
                requireNonNull(account, "account == null"), requireNonNull(insights, "insights == null"),
                requireNonNull(catalog, "catalog == null"), requireNonNull(executor, "executor == null"),
                requireNonNull(sleep, "sleep == null"));
    }

    /** See {@link GetCreditsUseCase}. */
    public CustomerData credits(Session session) {
        return credits.getCredits(new AccountQuery(session));
    }

    /** See {@link GetSubscriptionUseCase}. */
    public SubscriptionData subscription(Session session) {
        return subscription.getSubscription(new AccountQuery(session));
    }

    /** See {@link ListPricingProductsUseCase}. */
    public List<PricingProduct> pricingProducts(Session session) {
        return pricingProducts.listPricingProducts(new AccountQuery(session));
    }

    /** See {@link ListActiveSessionsUseCase}. */
    public List<ActiveSession> activeSessions(Session session) {
        return activeSessions.listActiveSessions(new AccountQuery(session));
    }

    /** See {@link GetModelStatusesUseCase}. */
    public List<ModelStatus> modelStatuses(Session session) {
        return modelStatuses.getModelStatuses(new AccountQuery(session));
    }

    /** See {@link GetModelBenchmarksUseCase}. */
    public List<ModelBenchmark> modelBenchmarks(Session session) {
        return modelBenchmarks.getModelBenchmarks(new AccountQuery(session));
    }

    /** See {@link ListModelsUseCase}. */
    public ModelCatalog models(Session session, boolean includeStatuses) {
        return models.listModels(new ListModelsQuery(session, includeStatuses));
    }

    /** See {@link ResolveModelUseCase}: the model, or an InvalidInputException with a "did you mean". */
    public ModelInfo resolveModel(Session session, String typedId) {
        return resolveModel.resolveModel(new ResolveModelQuery(session, typedId));
    }

    /** See {@link TrackCreditsUseCase}, with the default bound of 8 polls 200 ms apart. */
    public <T> TrackCreditsResult<T> trackCredits(Session session, Supplier<T> send,
            Function<? super T, String> finishReason) {
        return trackCredits.trackCredits(TrackCreditsCommand.of(session), send, finishReason);
    }

    /**
     * Sends {@code message} through {@code client} like {@link T3Client#send(String, String, ChatSettings)}
     * and measures the credits the reply used, reading the balance with the client's session.
     */
    public TrackCreditsResult<Message> sendWithCredits(T3Client client, String model, String message,
            ChatSettings settings) {
        requireNonNull(client, "client == null");
        return trackCredits(client.session(), () -> client.send(model, message, settings),
                reply -> client.lastReply().map(Reply::finishReason).orElse(""));
    }
}
