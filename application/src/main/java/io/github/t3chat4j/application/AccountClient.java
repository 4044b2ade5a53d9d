package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

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
import io.github.t3chat4j.domain.account.ActiveSession;
import io.github.t3chat4j.domain.account.CustomerData;
import io.github.t3chat4j.domain.account.PricingProduct;
import io.github.t3chat4j.domain.account.SubscriptionData;
import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The account side of a {@link T3Client} ({@link T3Client#account()}): credits, subscription, pricing,
 * active sessions, model statuses and benchmarks, the model list, model-id checking, and the credits
 * a send used. Every read uses the client's session through its keeper, so a rejected session is
 * renewed once and the read retried, as for a send. Thread-safe.
 */
public final class AccountClient {

    private final UseCases useCases;

    AccountClient(UseCases useCases) {
        this.useCases = requireNonNull(useCases, "useCases == null");
    }

    /** See {@link GetCreditsUseCase}. */
    public CustomerData credits() {
        return useCases.getCredits().getCredits();
    }

    /** See {@link GetSubscriptionUseCase}. */
    public SubscriptionData subscription() {
        return useCases.getSubscription().getSubscription();
    }

    /** See {@link ListPricingProductsUseCase}. */
    public List<PricingProduct> pricingProducts() {
        return useCases.listPricingProducts().listPricingProducts();
    }

    /** See {@link ListActiveSessionsUseCase}. */
    public List<ActiveSession> activeSessions() {
        return useCases.listActiveSessions().listActiveSessions();
    }

    /** See {@link GetModelStatusesUseCase}. */
    public List<ModelStatus> modelStatuses() {
        return useCases.getModelStatuses().getModelStatuses();
    }

    /** See {@link GetModelBenchmarksUseCase}. */
    public List<ModelBenchmark> modelBenchmarks() {
        return useCases.getModelBenchmarks().getModelBenchmarks();
    }

    /** See {@link ListModelsUseCase}. */
    public ModelCatalog models(boolean includeStatuses) {
        return useCases.listModels().listModels(new ListModelsQuery(includeStatuses));
    }

    /** See {@link ResolveModelUseCase}: the model, or an InvalidInputException with a "did you mean". */
    public ModelInfo resolveModel(String typedId) {
        return useCases.resolveModel().resolveModel(new ResolveModelQuery(typedId));
    }

    /** See {@link TrackCreditsUseCase}, with the default bound of 8 polls 200 ms apart. */
    public <T> TrackCreditsResult<T> trackCredits(Supplier<T> send, Function<? super T, String> finishReason) {
        return useCases.trackCredits().trackCredits(TrackCreditsCommand.defaults(), send, finishReason);
    }
}
