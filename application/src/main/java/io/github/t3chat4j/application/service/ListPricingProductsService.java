package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.AccountQuery;
import io.github.t3chat4j.application.port.in.ListPricingProductsUseCase;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.domain.account.PricingProduct;
import java.util.List;

/** Lists pricing products through {@link LoadAccountPort}. */
public final class ListPricingProductsService implements ListPricingProductsUseCase {

    private final LoadAccountPort loadAccount;

    public ListPricingProductsService(LoadAccountPort loadAccount) {
        this.loadAccount = requireNonNull(loadAccount, "loadAccount == null");
    }

    @Override
    public List<PricingProduct> listPricingProducts(AccountQuery query) {
        requireNonNull(query, "query == null");
        return loadAccount.loadPricingProducts(query.session());
    }
}
