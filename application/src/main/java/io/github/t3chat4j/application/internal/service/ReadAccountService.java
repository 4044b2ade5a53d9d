package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.internal.usecase.GetCreditsUseCase;
import io.github.t3chat4j.application.internal.usecase.GetModelBenchmarksUseCase;
import io.github.t3chat4j.application.internal.usecase.GetModelStatusesUseCase;
import io.github.t3chat4j.application.internal.usecase.GetSubscriptionUseCase;
import io.github.t3chat4j.application.internal.usecase.ListActiveSessionsUseCase;
import io.github.t3chat4j.application.internal.usecase.ListPricingProductsUseCase;
import io.github.t3chat4j.application.port.out.AccountPort;
import io.github.t3chat4j.application.internal.session.SessionKeeper;
import io.github.t3chat4j.domain.account.ActiveSession;
import io.github.t3chat4j.domain.account.CustomerData;
import io.github.t3chat4j.domain.account.PricingProduct;
import io.github.t3chat4j.domain.account.SubscriptionData;
import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import java.util.List;

/**
 * The plain account reads: each asks one port with the connection's session, through the
 * {@link SessionKeeper}, so a rejected session is renewed and the read retried once, as for a send.
 */
public final class ReadAccountService implements GetCreditsUseCase, GetSubscriptionUseCase,
        ListPricingProductsUseCase, ListActiveSessionsUseCase, GetModelStatusesUseCase, GetModelBenchmarksUseCase {

    private final AccountPort account;
    private final SessionKeeper keeper;

    public ReadAccountService(AccountPort account, SessionKeeper keeper) {
        this.account = requireNonNull(account, "account == null");
        this.keeper = requireNonNull(keeper, "keeper == null");
    }

    @Override
    public CustomerData getCredits() {
        return keeper.call(account::loadCustomerData);
    }

    @Override
    public SubscriptionData getSubscription() {
        return keeper.call(account::loadSubscription);
    }

    @Override
    public List<PricingProduct> listPricingProducts() {
        return keeper.call(account::loadPricingProducts);
    }

    @Override
    public List<ActiveSession> listActiveSessions() {
        return keeper.call(account::loadActiveSessions);
    }

    @Override
    public List<ModelStatus> getModelStatuses() {
        return keeper.call(account::loadModelStatuses);
    }

    @Override
    public List<ModelBenchmark> getModelBenchmarks() {
        return keeper.call(account::loadModelBenchmarks);
    }
}
