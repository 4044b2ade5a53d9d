package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.AccountQuery;
import io.github.t3chat4j.application.port.in.GetCreditsUseCase;
import io.github.t3chat4j.application.port.out.LoadCustomerDataPort;
import io.github.t3chat4j.domain.account.CustomerData;

/** Reads the credit balance and usage through {@link LoadCustomerDataPort}. */
public final class GetCreditsService implements GetCreditsUseCase {

    private final LoadCustomerDataPort loadCustomerData;

    public GetCreditsService(LoadCustomerDataPort loadCustomerData) {
        this.loadCustomerData = requireNonNull(loadCustomerData, "loadCustomerData == null");
    }

    @Override
    public CustomerData getCredits(AccountQuery query) {
        requireNonNull(query, "query == null");
        return loadCustomerData.loadCustomerData(query.session());
    }
}
