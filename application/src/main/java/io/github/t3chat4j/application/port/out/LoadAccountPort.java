package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.account.ActiveSession;
import io.github.t3chat4j.domain.account.PricingProduct;
import io.github.t3chat4j.domain.account.SubscriptionData;
import io.github.t3chat4j.domain.session.Session;
import java.util.List;

/**
 * Reads account facts other than credits: the subscription, the products on sale and the places the
 * user is signed in. Throws the {@link io.github.t3chat4j.application.error.T3ChatException}s of
 * {@link LoadCustomerDataPort}. Thread-safe.
 */
public interface LoadAccountPort {

    SubscriptionData loadSubscription(Session session);

    List<PricingProduct> loadPricingProducts(Session session);

    List<ActiveSession> loadActiveSessions(Session session);
}
