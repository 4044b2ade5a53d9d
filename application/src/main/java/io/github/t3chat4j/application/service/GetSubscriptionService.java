package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.AccountQuery;
import io.github.t3chat4j.application.port.in.GetSubscriptionUseCase;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.domain.account.SubscriptionData;

/** Reads the subscription through {@link LoadAccountPort}. */
public final class GetSubscriptionService implements GetSubscriptionUseCase {

    private final LoadAccountPort loadAccount;

    public GetSubscriptionService(LoadAccountPort loadAccount) {
        this.loadAccount = requireNonNull(loadAccount, "loadAccount == null");
    }

    @Override
    public SubscriptionData getSubscription(AccountQuery query) {
        requireNonNull(query, "query == null");
        return loadAccount.loadSubscription(query.session());
    }
}
