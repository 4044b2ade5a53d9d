package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.account.ActiveSession;
import io.github.t3chat4j.domain.account.CustomerData;
import io.github.t3chat4j.domain.account.PricingProduct;
import io.github.t3chat4j.domain.account.SubscriptionData;
import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import io.github.t3chat4j.domain.session.Session;
import java.util.List;

/**
 * Reads the account and live facts about models over t3.chat's tRPC API. Never returns a made-up
 * balance: an answer without one is an {@link io.github.t3chat4j.application.error.UnexpectedResponseException}.
 * Throws {@link io.github.t3chat4j.application.error.SessionExpiredException} on 401/403 and the other
 * {@link io.github.t3chat4j.application.error.T3ChatException}s like the chat transport. Thread-safe.
 */
public interface AccountPort {

    /** Credits and usage ({@code getCustomerData}). */
    CustomerData loadCustomerData(Session session);

    /** Whether the account pays, and its tier. */
    SubscriptionData loadSubscription(Session session);

    /** The products on sale. */
    List<PricingProduct> loadPricingProducts(Session session);

    /** The places the user is signed in. */
    List<ActiveSession> loadActiveSessions(Session session);

    /** The providers' live status per model. */
    List<ModelStatus> loadModelStatuses(Session session);

    /** Benchmark scores per model. */
    List<ModelBenchmark> loadModelBenchmarks(Session session);
}
