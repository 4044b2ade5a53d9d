package io.github.t3chat4j.adapter.http.internal.trpc;

import io.github.t3chat4j.adapter.http.Wire;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.adapter.http.internal.TestPipeline;
import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.RateLimitedException;
import io.github.t3chat4j.application.error.ServiceUnavailableException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.domain.account.ActiveSession;
import io.github.t3chat4j.domain.account.CustomerData;
import io.github.t3chat4j.domain.account.PricingProduct;
import io.github.t3chat4j.domain.account.SubscriptionData;
import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import io.github.t3chat4j.testkit.trpc.FakeTrpc;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Wire.class)
class TrpcAccountAdapterTest {

    @Parameter
    Wire wire;

    private static final String COOKIES = "wos-session=secret-wos-value; theme=dark";
    private static final Set<String> ALL = Set.of("getCustomerData", "getSubscriptionData", "getPricingProducts",
            "auth.getActiveSessions", "getModelStatuses", "getAllModelBenchmarks");

    enum Format {
        PLAIN, STREAMED
    }

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String SUBSCRIPTION_ANSWER = "[{\"result\":{\"data\":{\"json\":{\"isPaid\":true,"
            + "\"subTier\":\"pro\"}}}}]";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Session session = Session.of(COOKIES, "convex-secret");
    private FakeT3Server server;
    private FakeTrpc trpc;
    private TestPipeline pipeline;

    @BeforeEach
    void start() {
        server = wire.start();
        trpc = FakeTrpc.install(server);
        pipeline = TestPipeline.of(wire.configure(HttpConfig.defaults(server.baseUrl()), server), NOW);
    }

    @AfterEach
    void stop() {
        pipeline.close();
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsCustomerData(Format format) {
        CustomerData data = adapter(format).loadCustomerData(session);

        assertThat(data.balance()).isEqualByComparingTo("1000");
        assertThat(data.lifetimeBalance()).contains(new BigDecimal("5000"));
        assertThat(data.balanceReliable()).isTrue();
        assertThat(data.subTier()).isEqualTo("pro");
        assertThat(data.usageBand()).isEqualTo("normal");
        assertThat(data.billingProvider()).isEqualTo("stripe");
        assertThat(data.usage().fourHourPercentage().getAsDouble()).isEqualTo(12.5);
        assertThat(data.usage().monthPercentage().getAsDouble()).isEqualTo(40.0);
        assertThat(data.usage().billingNextResetAt()).contains(Instant.ofEpochMilli(1767225600000L));
        assertThat(data.usage().windowNextResetAt()).contains(Instant.ofEpochMilli(1764201600000L));
        assertThat(data.subscription()).hasValueSatisfying(s -> {
            assertThat(s.productName()).isEqualTo("T3 Chat Pro");
            assertThat(s.status()).isEqualTo("active");
            assertThat(s.currentPeriodEnd()).contains(Instant.parse("2026-12-01T00:00:00Z"));
            assertThat(s.canceledAt()).isEmpty();
        });
        assertThat(input("getCustomerData"))
                .isEqualTo("{\"0\":{\"json\":{\"sessionId\":null},\"meta\":{\"values\":{\"sessionId\":[\"undefined\"]}}}}");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsSubscriptionData(Format format) {
        SubscriptionData data = adapter(format).loadSubscription(session);

        assertThat(data).isEqualTo(new SubscriptionData(true, "pro"));
        assertThat(input("getSubscriptionData")).isEqualTo("{\"0\":{\"json\":null,\"meta\":{\"values\":[\"undefined\"]}}}");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsPricingProducts(Format format) {
        List<PricingProduct> products = adapter(format).loadPricingProducts(session);

        assertThat(products).containsExactly(
                new PricingProduct("prod_pro_monthly", "Pro", false, "subscription", false),
                new PricingProduct("prod_free", "Free", false, "subscription", true),
                new PricingProduct("prod_credits_1000", "1,000 credits", true, "credits", false));
        assertThat(input("getPricingProducts"))
                .isEqualTo("{\"0\":{\"json\":{\"sessionId\":null},\"meta\":{\"values\":{\"sessionId\":[\"undefined\"]}}}}");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsActiveSessions(Format format) {
        List<ActiveSession> sessions = adapter(format).loadActiveSessions(session);

        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).id()).isEqualTo("session_01JFAKE0000000000000000001");
        assertThat(sessions.get(0).createdAt()).contains(Instant.parse("2025-06-01T12:00:00Z"));
        assertThat(sessions.get(0).ipAddress()).isEqualTo("203.0.113.7");
        assertThat(sessions.get(0).toString()).doesNotContain("203.0.113.7");
        assertThat(input("auth.getActiveSessions")).isEqualTo("{\"0\":{\"json\":{\"includeLocation\":false}}}");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsModelStatusesAndBenchmarks(Format format) {
        TrpcAccountAdapter adapter = adapter(format);

        List<ModelStatus> statuses = adapter.loadModelStatuses(session);
        List<ModelBenchmark> benchmarks = adapter.loadModelBenchmarks(session);

        assertThat(statuses).contains(new ModelStatus("Claude 4 Sonnet", "minor", "Elevated error rates"));
        assertThat(benchmarks).contains(new ModelBenchmark("gemini-2.5-flash", "mmlu-pro", 80.9, "MMLU-Pro"));
        assertThat(input("getModelStatuses")).isEqualTo("{\"0\":{\"json\":null,\"meta\":{\"values\":[\"undefined\"]}}}");
        assertThat(input("getAllModelBenchmarks"))
                .isEqualTo("{\"0\":{\"json\":null,\"meta\":{\"values\":[\"undefined\"]}}}");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void sendsTheBrowsersHeaders(Format format) {
        adapter(format).loadCustomerData(session);

        RecordedRequest request = server.lastRequest("/api/trpc/getCustomerData").orElseThrow();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.query()).startsWith("batch=1&input=");
        assertThat(request.header("cookie")).contains(COOKIES);
        assertThat(request.header("x-trpc-source")).contains("web-client");
        assertThat(request.header("referer")).contains(server.baseUrl() + "/");
        assertThat(request.header("user-agent")).contains(HttpConfig.DEFAULT_USER_AGENT);
        if (format == Format.STREAMED) {
            assertThat(request.header("trpc-accept")).contains("application/jsonl");
            assertThat(request.header("x-trpc-batch")).contains("true");
        } else {
            assertThat(request.header("trpc-accept")).isEmpty();
        }
    }

    @Test
    void streamsOnlyActiveSessions_byDefault() {
        TrpcAccountAdapter adapter = new TrpcAccountAdapter(pipeline, pipeline.site(), mapper);

        adapter.loadActiveSessions(session);
        adapter.loadCustomerData(session);

        assertThat(server.lastRequest("/api/trpc/auth.getActiveSessions").orElseThrow().header("trpc-accept"))
                .contains("application/jsonl");
        assertThat(server.lastRequest("/api/trpc/getCustomerData").orElseThrow().header("trpc-accept")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void throwsSessionExpired_whenTheCookieIsMissing(Format format) {
        Session noWos = Session.of("theme=dark", "convex-secret");

        assertThatThrownBy(() -> adapter(format).loadCustomerData(noWos))
                .isInstanceOf(SessionExpiredException.class)
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void throwsSessionExpired_whenAStreamedAnswerCarriesAnUnauthorizedError() {
        trpc.answerRaw("getCustomerData", 200, "application/json", """
                {"json":{"0":[[0],[null,0,0]]}}
                {"json":[0,0,[[{"error":{"json":{"message":"UNAUTHORIZED","code":-32001,\
                "data":{"code":"UNAUTHORIZED","httpStatus":401,"path":"getCustomerData"}}}}]]]}
                """);

        assertThatThrownBy(() -> adapter(Format.STREAMED).loadCustomerData(session))
                .isInstanceOf(SessionExpiredException.class);
    }

    @Test
    void neverRepeatsSecrets_whenTheServerEchoesThemInAnError() {
        String echo = "Rejected " + COOKIES + " and convex-secret";
        trpc.answerRaw("getCustomerData", 418, "application/json",
                "[{\"error\":{\"json\":{\"message\":\"" + echo + "\",\"code\":-32600,"
                        + "\"data\":{\"code\":\"BAD_REQUEST\",\"httpStatus\":418}}}}]");

        assertThatThrownBy(() -> adapter(Format.PLAIN).loadCustomerData(session))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("GET /api/trpc/getCustomerData answered HTTP 418")
                .hasMessageNotContaining("secret-wos-value")
                .hasMessageNotContaining("convex-secret");
    }

    @Test
    void throwsUnexpectedResponse_whenTheBalanceIsMissing() {
        trpc.answerRaw("getCustomerData", 200, "application/json",
                "[{\"result\":{\"data\":{\"json\":{\"subTier\":\"pro\",\"isBalanceReliable\":true}}}}]");

        assertThatThrownBy(() -> adapter(Format.PLAIN).loadCustomerData(session))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessage("getCustomerData answered in an unexpected shape: the answer.balance is missing.");
    }

    @Test
    void throwsUnexpectedResponse_whenTheBalanceIsNotANumber() {
        trpc.answerRaw("getCustomerData", 200, "application/json",
                "[{\"result\":{\"data\":{\"json\":{\"balance\":\"lots\"}}}}]");

        assertThatThrownBy(() -> adapter(Format.PLAIN).loadCustomerData(session))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("getCustomerData answered in an unexpected shape")
                .hasMessageContaining("balance is string, not a number");
    }

    @Test
    void throwsUnexpectedResponse_whenTheAnswerIsNotJson() {
        trpc.answerRaw("getCustomerData", 200, "text/html", "<html>maintenance</html>");

        assertThatThrownBy(() -> adapter(Format.STREAMED).loadCustomerData(session))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessage("getCustomerData answered in an unexpected shape: the answer is not JSON.");
    }

    @Test
    void throwsUnexpectedResponse_whenAStreamedChunkIsMissing() {
        trpc.answerRaw("auth.getActiveSessions", 200, "application/json",
                "{\"json\":{\"0\":[[0],[null,0,0]]}}\n{\"json\":[0,0,[[{\"result\":0}],[\"result\",0,1]]]}\n");

        assertThatThrownBy(() -> adapter(Format.STREAMED).loadActiveSessions(session))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessage("auth.getActiveSessions answered in an unexpected shape: chunk 1 never arrived.");
    }

    @Test
    void throwsUnexpectedResponse_whenAListIsAnObject() {
        trpc.answerRaw("getModelStatuses", 200, "application/json", "[{\"result\":{\"data\":{\"json\":{}}}}]");

        assertThatThrownBy(() -> adapter(Format.PLAIN).loadModelStatuses(session))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessage("getModelStatuses answered in an unexpected shape: the answer is object, not a list.");
    }

    @Test
    void throwsUnexpectedResponse_forAnotherStatus() {
        trpc.answerRaw("getSubscriptionData", 400, "application/json",
                "[{\"error\":{\"json\":{\"message\":\"Bad input\",\"code\":-32600,\"data\":{\"code\":\"BAD_REQUEST\","
                        + "\"httpStatus\":400,\"path\":\"getSubscriptionData\"}}}}]");

        assertThatThrownBy(() -> adapter(Format.PLAIN).loadSubscription(session))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("GET /api/trpc/getSubscriptionData answered HTTP 400: Bad input.");
    }

    @Test
    void retriesA429_afterRetryAfterSeconds() {
        AtomicInteger calls = new AtomicInteger();
        server.route("/api/trpc/getSubscriptionData", (exchange, request) -> {
            if (calls.getAndIncrement() == 0) {
                exchange.getResponseHeaders().set("Retry-After", "7");
                exchange.sendResponseHeaders(429, -1);
            } else {
                send(exchange, SUBSCRIPTION_ANSWER);
            }
        });

        SubscriptionData data = adapter(Format.PLAIN).loadSubscription(session);

        assertThat(data).isEqualTo(new SubscriptionData(true, "pro"));
        assertThat(pipeline.sleeper().waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(server.requests("/api/trpc/getSubscriptionData")).hasSize(2);
    }

    @Test
    void retriesA503_untilTheRetryAfterDate() {
        AtomicInteger calls = new AtomicInteger();
        server.route("/api/trpc/getSubscriptionData", (exchange, request) -> {
            if (calls.getAndIncrement() == 0) {
                exchange.getResponseHeaders().set("Retry-After", "Thu, 01 Jan 2026 12:00:20 GMT");
                exchange.sendResponseHeaders(503, -1);
            } else {
                send(exchange, SUBSCRIPTION_ANSWER);
            }
        });

        SubscriptionData data = adapter(Format.PLAIN).loadSubscription(session);

        assertThat(data).isEqualTo(new SubscriptionData(true, "pro"));
        assertThat(pipeline.sleeper().waits()).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void throwsRateLimited_whenA429Persists() {
        server.route("/api/trpc/getCustomerData", (exchange, request) -> {
            exchange.getResponseHeaders().set("Retry-After", "7");
            exchange.sendResponseHeaders(429, -1);
        });

        assertThatThrownBy(() -> adapter(Format.PLAIN).loadCustomerData(session))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(pipeline.sleeper().waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(server.requests("/api/trpc/getCustomerData")).hasSize(3);
    }

    @Test
    void throwsServiceUnavailable_whenA5xxPersists() {
        trpc.answerRaw("getPricingProducts", 502, "text/html", "<html>bad gateway</html>");

        assertThatThrownBy(() -> adapter(Format.PLAIN).loadPricingProducts(session))
                .isInstanceOfSatisfying(ServiceUnavailableException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(502));
        assertThat(server.requests("/api/trpc/getPricingProducts")).hasSize(3);
    }

    @Test
    void throwsBlocked_whenA403IsAChallengePage() {
        trpc.answerRaw("getCustomerData", 403, "text/html; charset=utf-8", "<html>Just a moment...</html>");

        assertThatThrownBy(() -> adapter(Format.PLAIN).loadCustomerData(session))
                .isInstanceOf(BlockedByBotProtectionException.class);
    }

    @Test
    void throwsTransport_whenNothingListens() {
        server.close();

        assertThatThrownBy(() -> adapter(Format.PLAIN).loadCustomerData(session))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("getCustomerData")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    @Test
    void neverPutsTheCookieInAnError() {
        trpc.answerRaw("getCustomerData", 418, "text/plain", "secret-wos-value");

        assertThatThrownBy(() -> adapter(Format.PLAIN).loadCustomerData(session))
                .isInstanceOf(UnexpectedResponseException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    private TrpcAccountAdapter adapter(Format format) {
        return new TrpcAccountAdapter(pipeline, pipeline.site(), mapper, format == Format.STREAMED ? ALL : Set.of());
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    /** The decoded {@code input} query parameter of the last request to {@code procedure}, re-serialised. */
    private String input(String procedure) {
        String query = server.lastRequest("/api/trpc/" + procedure).orElseThrow().query();
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("input=")) {
                String json = URLDecoder.decode(parameter.substring(6), StandardCharsets.UTF_8);
                try {
                    JsonNode parsed = mapper.readTree(json);
                    assertThat(parsed.toString()).isEqualTo(json);
                    return json;
                } catch (Exception e) {
                    throw new AssertionError("input is not JSON: " + json, e);
                }
            }
        }
        throw new AssertionError("no input parameter in " + query);
    }
}
