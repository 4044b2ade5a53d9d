package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.account.PricingProduct;
import java.util.List;

/**
 * Lists the plans and add-ons t3.chat sells ({@code getPricingProducts}), in the server's order.
 */
public interface ListPricingProductsUseCase {

    List<PricingProduct> listPricingProducts();
}
