package io.github.t3chat4j.adapter.http.internal.trpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.HttpPipeline;
import io.github.t3chat4j.adapter.http.internal.SiteRequests;
import io.github.t3chat4j.application.port.out.AccountPort;
import io.github.t3chat4j.domain.account.ActiveSession;
import io.github.t3chat4j.domain.account.CustomerData;
import io.github.t3chat4j.domain.account.PricingProduct;
import io.github.t3chat4j.domain.account.Subscription;
import io.github.t3chat4j.domain.account.SubscriptionData;
import io.github.t3chat4j.domain.account.Usage;
import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import io.github.t3chat4j.domain.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The account ports over t3.chat's tRPC procedures (PROTOCOL.md 5). {@code auth.getActiveSessions} is
 * the very request session renewal sends ({@link SiteRequests#activeSessions}), streamed as the browser
 * asks for it; the other procedures are asked for the plain answer. Thread-safe.
 */
public final class TrpcAccountAdapter implements AccountPort {

    static final String ACTIVE_SESSIONS = SiteRequests.ACTIVE_SESSIONS;
    static final String CUSTOMER_DATA = "getCustomerData";
    static final String SUBSCRIPTION_DATA = "getSubscriptionData";
    static final String PRICING_PRODUCTS = "getPricingProducts";
    static final String MODEL_STATUSES = "getModelStatuses";
    static final String MODEL_BENCHMARKS = "getAllModelBenchmarks";

    private final TrpcClient trpc;
    private final SiteRequests site;
    private final Set<String> streamed;

    public TrpcAccountAdapter(HttpPipeline pipeline, SiteRequests site, ObjectMapper mapper) {
        this(pipeline, site, mapper, Set.of());
    }

    /** Also asking for JSON-lines answers to the {@code streamed} procedures (tests use every or none). */
    TrpcAccountAdapter(HttpPipeline pipeline, SiteRequests site, ObjectMapper mapper, Set<String> streamed) {
        this.trpc = new TrpcClient(pipeline, site, mapper);
        this.site = requireNonNull(site, "site == null");
        this.streamed = Set.copyOf(requireNonNull(streamed, "streamed == null"));
    }

    @Override
    public CustomerData loadCustomerData(Session session) {
        JsonNode answer = call(CUSTOMER_DATA, session, sessionIdUndefined());
        try {
            return customerData(Fields.of(CUSTOMER_DATA, "the answer", answer));
        } catch (IllegalArgumentException e) {
            throw TrpcClient.unexpectedShape(CUSTOMER_DATA, e.getMessage());
        }
    }

    private static CustomerData customerData(Fields f) {
        Usage usage = new Usage(
                f.percentage("usageFourHourPercentage"),
                f.percentage("usageMonthPercentage"),
                f.percentage("usagePeriodPercentage"),
                f.instant("billingNextResetAt"),
                f.instant("usageFourHourNextResetAt"),
                f.instant("usageMonthNextResetAt"),
                f.instant("usageWindowNextResetAt"));
        return new CustomerData(f.text("subTier"), f.requiredNumber("balance"), f.number("lifetimeBalance"),
                f.bool("isBalanceReliable", false), f.text("usageBand"), f.text("billingProvider"), usage,
                f.object("subscription").map(TrpcAccountAdapter::subscription));
    }

    @Override
    public SubscriptionData loadSubscription(Session session) {
        JsonNode answer = call(SUBSCRIPTION_DATA, session, TrpcInput.UNDEFINED);
        Fields f = Fields.of(SUBSCRIPTION_DATA, "the answer", answer);
        JsonNode paid = answer.get("isPaid");
        if (paid == null || !paid.isBoolean()) {
            throw TrpcClient.unexpectedShape(SUBSCRIPTION_DATA, "the answer.isPaid is " + Fields.kind(paid)
                    + ", not true or false");
        }
        return new SubscriptionData(paid.booleanValue(), f.text("subTier"));
    }

    @Override
    public List<PricingProduct> loadPricingProducts(Session session) {
        return list(PRICING_PRODUCTS, call(PRICING_PRODUCTS, session, sessionIdUndefined()), f -> new PricingProduct(
                f.requiredText("id"), f.text("name"), f.bool("isAddOn", false), f.text("scenario"),
                f.object("properties").map(p -> p.bool("is_free", false)).orElse(false)));
    }

    @Override
    public List<ActiveSession> loadActiveSessions(Session session) {
        requireNonNull(session, "session == null");
        JsonNode answer = trpc.answer(site.activeSessions(session), ACTIVE_SESSIONS);
        return list(ACTIVE_SESSIONS, answer, f -> new ActiveSession(
                f.requiredText("id"), f.instant("createdAt"), f.instant("expiresAt"), f.text("ipAddress"),
                f.text("userAgent")));
    }

    @Override
    public List<ModelStatus> loadModelStatuses(Session session) {
        return list(MODEL_STATUSES, call(MODEL_STATUSES, session, TrpcInput.UNDEFINED), f -> new ModelStatus(
                f.requiredText("name"), f.text("indicator"), f.text("description")));
    }

    @Override
    public List<ModelBenchmark> loadModelBenchmarks(Session session) {
        return list(MODEL_BENCHMARKS, call(MODEL_BENCHMARKS, session, TrpcInput.UNDEFINED), f -> new ModelBenchmark(
                f.requiredText("modelId"), f.requiredText("benchmarkId"), f.requiredNumber("score").doubleValue(),
                f.text("description")));
    }

    private JsonNode call(String procedure, Session session, Object input) {
        requireNonNull(session, "session == null");
        return trpc.query(procedure, session, input, streamed.contains(procedure));
    }

    private static Subscription subscription(Fields f) {
        return new Subscription(f.text("productId"), f.text("productName"), f.text("status"),
                f.instant("currentPeriodStart"), f.instant("currentPeriodEnd"), f.instant("canceledAt"),
                f.instant("trialEndsAt"));
    }

    private static Map<String, Object> sessionIdUndefined() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("sessionId", TrpcInput.UNDEFINED);
        return input;
    }

    private static <T> List<T> list(String procedure, JsonNode answer, Function<Fields, T> item) {
        if (answer == null || !answer.isArray()) {
            throw TrpcClient.unexpectedShape(procedure, "the answer is " + Fields.kind(answer) + ", not a list");
        }
        List<T> items = new ArrayList<>(answer.size());
        for (int i = 0; i < answer.size(); i++) {
            try {
                items.add(item.apply(Fields.of(procedure, "item " + i, answer.get(i))));
            } catch (IllegalArgumentException e) {
                throw TrpcClient.unexpectedShape(procedure, "item " + i + ": " + e.getMessage());
            }
        }
        return List.copyOf(items);
    }
}
