package io.github.t3chat4j.adapter.http.internal.trpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.CannedEngine;
import io.github.t3chat4j.adapter.http.internal.HttpPipeline;
import io.github.t3chat4j.adapter.http.internal.SiteRequests;
import io.github.t3chat4j.adapter.http.internal.engine.Header;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.domain.session.Session;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;

/**
 * Answers every tRPC procedure of the account adapter with arbitrary 200 bodies, asked for both as the
 * plain and as the streamed JSON-lines answer, through the real pipeline. Documented outcome: the value,
 * or a {@link T3ChatException} (an unexpected answer naming the procedure, or the error a tRPC error
 * inside the answer maps to); never another exception, and never a secret in a message.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TrpcAccountAdapterFuzzTest {

    private static final String COOKIE = "wos-session=fuzz-secret-cookie";
    private static final String CONVEX = "fuzz-secret-convex";
    private static final Session SESSION = Session.of(COOKIE, CONVEX);
    private static final SiteRequests SITE = new SiteRequests(URI.create("https://t3.chat.invalid"));
    private static final Set<String> ALL = Set.of(TrpcAccountAdapter.ACTIVE_SESSIONS, TrpcAccountAdapter.CUSTOMER_DATA,
            TrpcAccountAdapter.SUBSCRIPTION_DATA, TrpcAccountAdapter.PRICING_PRODUCTS,
            TrpcAccountAdapter.MODEL_STATUSES, TrpcAccountAdapter.MODEL_BENCHMARKS);
    private static final List<Function<TrpcAccountAdapter, Object>> READS = List.of(
            adapter -> adapter.loadCustomerData(SESSION),
            adapter -> adapter.loadSubscription(SESSION),
            adapter -> adapter.loadPricingProducts(SESSION),
            adapter -> adapter.loadActiveSessions(SESSION),
            adapter -> adapter.loadModelStatuses(SESSION),
            adapter -> adapter.loadModelBenchmarks(SESSION));

    @FuzzTest
    void readsAnyAnswer_orThrowsATypedError(byte[] body) {
        HttpPipeline pipeline = CannedEngine.pipelineAnswering(200,
                List.of(new Header("Content-Type", "application/json")), body);
        ObjectMapper mapper = new ObjectMapper();

        for (TrpcAccountAdapter adapter : List.of(new TrpcAccountAdapter(pipeline, SITE, mapper, Set.of()),
                new TrpcAccountAdapter(pipeline, SITE, mapper, ALL))) {
            for (Function<TrpcAccountAdapter, Object> read : READS) {
                try {
                    assertThat(read.apply(adapter)).isNotNull();
                } catch (T3ChatException documented) {
                    assertThat(documented.getMessage()).isNotBlank().doesNotContain("fuzz-secret");
                }
            }
        }
    }
}
