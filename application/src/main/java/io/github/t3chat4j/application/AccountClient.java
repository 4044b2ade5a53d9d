package io.github.t3chat4j.application;

import io.github.t3chat4j.application.internal.usecase.ListModelsQuery;
import io.github.t3chat4j.application.internal.usecase.ResolveModelQuery;
import io.github.t3chat4j.application.internal.usecase.TrackCreditsCommand;
import io.github.t3chat4j.application.TrackCreditsResult;
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
 * active sessions, model statuses and benchmarks, the model list, model-id checking, and the credits a
 * send used. Every read uses the client's session through its keeper, so a rejected session is renewed
 * once and the read retried, as for a send. A read needs the HTTP adapters (else a
 * {@link io.github.t3chat4j.application.error.NotConfiguredException}). Thread-safe.
 */
public final class AccountClient {

    private final UseCases useCases;
    private final Runnable checkOpen;

    AccountClient(UseCases useCases, Runnable checkOpen) {
        this.useCases = useCases;
        this.checkOpen = checkOpen;
    }

    /** @return the credit balance, tier and usage ({@code getCustomerData}) */
    public CustomerData credits() {
        checkOpen.run();
        return useCases.account.getCredits();
    }

    /** @return whether the account pays, and its tier */
    public SubscriptionData subscription() {
        checkOpen.run();
        return useCases.account.getSubscription();
    }

    /** @return the products t3.chat sells */
    public List<PricingProduct> pricingProducts() {
        checkOpen.run();
        return useCases.account.listPricingProducts();
    }

    /** @return the places the user is signed in */
    public List<ActiveSession> activeSessions() {
        checkOpen.run();
        return useCases.account.listActiveSessions();
    }

    /** @return the providers' live status per model */
    public List<ModelStatus> modelStatuses() {
        checkOpen.run();
        return useCases.account.getModelStatuses();
    }

    /** @return benchmark scores per model */
    public List<ModelBenchmark> modelBenchmarks() {
        checkOpen.run();
        return useCases.account.getModelBenchmarks();
    }

    /**
     * The model catalogue: a fresh cached copy, else the site's, else a stale cached copy, else the list
     * bundled with the HTTP adapters.
     *
     * @param includeStatuses whether to join the providers' live status to each model (one more request)
     * @return the models, and where the list came from
     */
    public ModelCatalog models(boolean includeStatuses) {
        checkOpen.run();
        return useCases.listModels.listModels(new ListModelsQuery(includeStatuses));
    }

    /**
     * The catalogue's model with this id.
     *
     * @param typedId a model id as a user typed it
     * @return the model
     * @throws io.github.t3chat4j.application.error.UnknownModelException when no model has this id, with the
     *     closest id ("did you mean")
     */
    public ModelInfo resolveModel(String typedId) {
        checkOpen.run();
        return useCases.resolveModel.resolveModel(new ResolveModelQuery(Inputs.required(typedId, "typedId")));
    }

    /**
     * Runs {@code send} and measures the credits it used: the balance is read before (on the client's
     * executor, so the send is not delayed) and after (up to 8 times, 200 ms apart, until it changes). When
     * the balance cannot be trusted, {@link TrackCreditsResult#usage()} says so; that never throws.
     *
     * @param send the send, run on this thread; what it throws comes out unchanged
     * @param finishReason the finish reason of what {@code send} returned
     * @param <T> what {@code send} returns
     * @return what {@code send} returned, and the credits it used
     */
    public <T> TrackCreditsResult<T> trackCredits(Supplier<T> send, Function<? super T, String> finishReason) {
        checkOpen.run();
        return useCases.trackCredits.trackCredits(TrackCreditsCommand.defaults(), Inputs.required(send, "send"),
                Inputs.required(finishReason, "finishReason"));
    }
}
