package io.github.t3chat4j.testkit.trpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * t3.chat's tRPC procedures (PROTOCOL.md 5) and model catalogue (PROTOCOL.md 6) on a
 * {@link FakeT3Server}. Each procedure answers with the plain batch format, or with tRPC 11's
 * JSON-lines format when the request carries {@code trpc-accept: application/jsonl}; a request without
 * a {@code wos-session} cookie gets a 401 with a tRPC error envelope.
 *
 * <p>The balance starts at {@link #STARTING_BALANCE} and drops by {@link #COST_PER_CHAT} for every
 * {@code POST /api/chat} the server received and every {@link #charge()}; like the real one it
 * settles late: a read reports the charges that were known at the previous read. Thread-safe.
 */
public final class FakeTrpc {

    /** The balance before any chat. */
    public static final long STARTING_BALANCE = 1000;
    /** What one chat request costs. */
    public static final long COST_PER_CHAT = 12;
    /** The JavaScript chunk with the model definitions, as linked from the home page. */
    public static final String MODEL_CHUNK_PATH = "/assets/models-C7d9QfXa.js";
    /** The app's entry chunk, which defines no models. */
    public static final String ENTRY_CHUNK_PATH = "/assets/index-Bx7f3k9a.js";

    /** How the balance behaves. */
    public enum BalanceMode {
        /** Drops after each chat, and is flagged reliable. */
        DROPS_PER_CHAT,
        /** Never changes, whatever is sent. */
        NEVER_CHANGES,
        /** Drops like {@link #DROPS_PER_CHAT} but is flagged {@code isBalanceReliable: false}. */
        UNRELIABLE
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROCEDURES = List.of("getCustomerData", "getSubscriptionData",
            "getPricingProducts", "auth.getActiveSessions", "getModelStatuses", "getAllModelBenchmarks");

    private final FakeT3Server server;
    private final Map<String, RawAnswer> overrides = new ConcurrentHashMap<>();
    private volatile BalanceMode mode = BalanceMode.DROPS_PER_CHAT;
    private long manualCharges;
    private long chargesSettled;

    private FakeTrpc(FakeT3Server server) {
        this.server = server;
    }

    /**
     * Adds the tRPC procedures, the JavaScript chunks and a home page linking them to {@code server};
     * returns the fake to configure.
     */
    public static FakeTrpc install(FakeT3Server server) {
        requireNonNull(server, "server == null");
        FakeTrpc trpc = new FakeTrpc(server);
        for (String procedure : PROCEDURES) {
            server.route("/api/trpc/" + procedure, (exchange, request) -> trpc.answer(procedure, exchange, request));
        }
        server.route(MODEL_CHUNK_PATH, (exchange, request) -> send(exchange, 200, "text/javascript", FakeModelChunk.JS));
        server.route(ENTRY_CHUNK_PATH, (exchange, request) -> send(exchange, 200, "text/javascript",
                FakeModelChunk.ENTRY_JS));
        server.homePage(homePage());
        return trpc;
    }

    /** The home page HTML that links both chunks, as Vite writes it. */
    public static String homePage() {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>T3 Chat (fake)</title>
                <script type="module" crossorigin src="%s"></script>
                <link rel="modulepreload" crossorigin href="%s">
                <link rel="stylesheet" crossorigin href="/assets/index-D4e5F6g7.css">
                </head><body><div id="root">t3chat4j fake server</div></body></html>
                """.formatted(ENTRY_CHUNK_PATH, MODEL_CHUNK_PATH);
    }

    public FakeTrpc balanceMode(BalanceMode value) {
        this.mode = requireNonNull(value, "mode == null");
        return this;
    }

    /** Counts one more chat's cost, as if a chat request had been answered. */
    public synchronized FakeTrpc charge() {
        manualCharges++;
        return this;
    }

    /**
     * Answers {@code procedure} with exactly this status, content type and body from now on (for
     * malformed, error and edge-case answers).
     */
    public FakeTrpc answerRaw(String procedure, int status, String contentType, String body) {
        overrides.put(requireNonNull(procedure, "procedure == null"), new RawAnswer(status, contentType, body));
        return this;
    }

    /** Serves the scripted answers again. */
    public FakeTrpc clearRawAnswers() {
        overrides.clear();
        return this;
    }

    /** The balance as fully settled: what a read will report once the latest charges are known. */
    public synchronized long settledBalance() {
        return mode == BalanceMode.NEVER_CHANGES ? STARTING_BALANCE : STARTING_BALANCE - COST_PER_CHAT * charges();
    }

    private synchronized long readBalance() {
        long reported = mode == BalanceMode.NEVER_CHANGES ? STARTING_BALANCE
                : STARTING_BALANCE - COST_PER_CHAT * chargesSettled;
        chargesSettled = charges();
        return reported;
    }

    private long charges() {
        return server.requests("/api/chat").size() + manualCharges;
    }

    private void answer(String procedure, HttpExchange exchange, RecordedRequest request) throws IOException {
        RawAnswer raw = overrides.get(procedure);
        if (raw != null) {
            send(exchange, raw.status(), raw.contentType(), raw.body());
            return;
        }
        if (request.cookie("wos-session").filter(v -> !v.isBlank()).isEmpty()) {
            send(exchange, 401, "application/json", unauthorized(procedure));
            return;
        }
        JsonNode value = value(procedure);
        boolean streamed = request.header("trpc-accept").filter(v -> v.contains("application/jsonl")).isPresent();
        send(exchange, 200, "application/json", streamed ? jsonLines(value) : plain(procedure, value));
    }

    private JsonNode value(String procedure) {
        Supplier<String> json;
        switch (procedure) {
            case "getCustomerData":
                json = () -> customerData(readBalance(), mode != BalanceMode.UNRELIABLE);
                break;
            case "getSubscriptionData":
                json = () -> "{\"isPaid\":true,\"subTier\":\"pro\"}";
                break;
            case "getPricingProducts":
                json = () -> """
                        [{"id":"prod_pro_monthly","name":"Pro","isAddOn":false,"scenario":"subscription",\
                        "properties":{"is_free":false}},
                         {"id":"prod_free","name":"Free","isAddOn":false,"scenario":"subscription",\
                        "properties":{"is_free":true}},
                         {"id":"prod_credits_1000","name":"1,000 credits","isAddOn":true,"scenario":"credits",\
                        "properties":{"is_free":false}}]""";
                break;
            case "auth.getActiveSessions":
                json = () -> """
                        [{"id":"session_01JFAKE0000000000000000001","createdAt":"2025-06-01T12:00:00.000Z",\
                        "expiresAt":"2026-12-01T12:00:00.000Z","ipAddress":"203.0.113.7",\
                        "userAgent":"Mozilla/5.0 (X11; Linux x86_64) Chrome/142.0.0.0"},
                         {"id":"session_01JFAKE0000000000000000002","createdAt":"2025-09-10T08:30:00.000Z",\
                        "expiresAt":"2026-12-10T08:30:00.000Z","ipAddress":"198.51.100.23",\
                        "userAgent":"Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)"}]""";
                break;
            case "getModelStatuses":
                json = () -> """
                        [{"name":"Gemini 2.5 Flash","indicator":"none","description":"All Systems Operational"},
                         {"name":"Claude 4 Sonnet","indicator":"minor","description":"Elevated error rates"}]""";
                break;
            default:
                json = () -> """
                        [{"modelId":"gemini-2.5-flash","benchmarkId":"mmlu-pro","score":80.9,"description":"MMLU-Pro"},
                         {"modelId":"claude-4-sonnet","benchmarkId":"swe-bench","score":72.7,\
                        "description":"SWE-bench Verified"}]""";
        }
        try {
            return JSON.readTree(json.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A scripted tRPC answer is not JSON", e);
        }
    }

    private static String customerData(long balance, boolean reliable) {
        return """
                {"subTier":"pro","balance":%d,"lifetimeBalance":5000,"isBalanceReliable":%b,"usageBand":"normal",\
                "billingProvider":"stripe","usageFourHourPercentage":12.5,"usageMonthPercentage":40,\
                "usagePeriodPercentage":33.3,"billingNextResetAt":1767225600000,\
                "usageFourHourNextResetAt":1764158400000,"usageMonthNextResetAt":1767225600000,\
                "usageWindowNextResetAt":1764201600000,"subscription":{"productId":"prod_pro_monthly",\
                "productName":"T3 Chat Pro","status":"active","currentPeriodStart":"2026-11-01T00:00:00.000Z",\
                "currentPeriodEnd":"2026-12-01T00:00:00.000Z","canceledAt":null,"trialEndsAt":null}}"""
                .formatted(balance, reliable);
    }

    /** {@code [{"result":{"data":{"json":…,"meta":…}}}]}, with superjson's Date marks where the browser would see them. */
    private static String plain(String procedure, JsonNode value) {
        ObjectNode data = JSON.createObjectNode();
        data.set("json", value);
        if (procedure.equals("getCustomerData") && value.path("subscription").isObject()) {
            ObjectNode values = data.putObject("meta").putObject("values");
            values.putArray("subscription.currentPeriodStart").add("Date");
            values.putArray("subscription.currentPeriodEnd").add("Date");
        }
        ArrayNode batch = JSON.createArrayNode();
        batch.addObject().putObject("result").set("data", data);
        return batch.toString();
    }

    /**
     * tRPC 11's streamed batch: the head, then the result, its data and the value, each as its own
     * chunk behind a placeholder.
     */
    static String jsonLines(JsonNode value) {
        return String.join("\n",
                "{\"json\":{\"0\":[[0],[null,0,0]]}}",
                "{\"json\":[0,0,[[{\"result\":0}],[\"result\",0,1]]]}",
                "{\"json\":[1,0,[[{\"data\":0}],[\"data\",0,2]]]}",
                "{\"json\":[2,0,[[" + value + "]]]}") + "\n";
    }

    private static String unauthorized(String procedure) {
        return "[{\"error\":{\"json\":{\"message\":\"UNAUTHORIZED\",\"code\":-32001,\"data\":{\"code\":\"UNAUTHORIZED\","
                + "\"httpStatus\":401,\"path\":\"" + procedure + "\"}}}}]";
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record RawAnswer(int status, String contentType, String body) {
    }
}
