package io.github.t3chat4j.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake t3.chat: a real HTTP server on 127.0.0.1 (a free port) that speaks PROTOCOL.md. It serves
 * {@code GET /} and {@code POST /api/chat}, validates chat requests (400 with a JSON error for a
 * malformed body, 401 without a {@code wos-session} cookie), answers them with scripted
 * {@link ChatScenario}s ({@link Scenarios#echo()} by default) and records every request.
 *
 * <p>Add an endpoint with {@link #route}; queue one-off chat answers with {@link #enqueueChat}. Thread-safe.
 */
public final class FakeT3Server implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOME_PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>T3 Chat (fake)</title></head>
            <body><div id="root">t3chat4j fake server</div></body></html>
            """;

    private final HttpServer http;
    private final ExecutorService executor;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Endpoint> routes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<ChatScenario> queuedChats = new ConcurrentLinkedQueue<>();
    private volatile ChatScenario defaultChat = Scenarios.echo();
    private volatile String homePage = HOME_PAGE;

    private FakeT3Server(HttpServer http, ExecutorService executor) {
        this.http = http;
        this.executor = executor;
    }

    /** Starts a server on 127.0.0.1 at a free port. */
    public static FakeT3Server start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            AtomicInteger count = new AtomicInteger();
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-t3-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            FakeT3Server server = new FakeT3Server(http, executor);
            http.setExecutor(executor);
            http.createContext("/", server::dispatch);
            server.route("/", (exchange, request) -> server.sendText(exchange, 200, "text/html; charset=utf-8",
                    server.homePage));
            server.route("/api/chat", server::chat);
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the fake t3.chat server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Serves {@code endpoint} at exactly {@code path} (no query), replacing what was there. */
    public FakeT3Server route(String path, Endpoint endpoint) {
        routes.put(requireNonNull(path, "path == null"), requireNonNull(endpoint, "endpoint == null"));
        return this;
    }

    /** Answers the next valid chat request with {@code scenario}; queued scenarios are used in order. */
    public FakeT3Server enqueueChat(ChatScenario scenario) {
        queuedChats.add(requireNonNull(scenario, "scenario == null"));
        return this;
    }

    /** Answers every chat request without a queued scenario with {@code scenario}. */
    public FakeT3Server defaultChat(ChatScenario scenario) {
        this.defaultChat = requireNonNull(scenario, "scenario == null");
        return this;
    }

    /** Replaces the HTML of {@code GET /}. */
    public FakeT3Server homePage(String html) {
        this.homePage = requireNonNull(html, "html == null");
        return this;
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests received for {@code path}, in order. */
    public List<RecordedRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The last request received for {@code path}. */
    public Optional<RecordedRequest> lastRequest(String path) {
        List<RecordedRequest> matching = requests(path);
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    /** Forgets recorded requests and queued scenarios. */
    public void reset() {
        requests.clear();
        queuedChats.clear();
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            requests.add(request);
            Endpoint endpoint = routes.get(request.path());
            if (endpoint == null) {
                sendText(exchange, 404, "application/json", "{\"error\":\"Not found: " + request.path() + "\"}");
                return;
            }
            endpoint.handle(exchange, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away mid-answer (a cancelled stream): nothing to do.
        }
    }

    private static RecordedRequest record(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI uri = exchange.getRequestURI();
        return new RecordedRequest(exchange.getRequestMethod(), uri.getPath(),
                uri.getRawQuery() == null ? "" : uri.getRawQuery(), exchange.getRequestHeaders(),
                new String(body, StandardCharsets.UTF_8));
    }

    private void chat(HttpExchange exchange, RecordedRequest request) throws IOException, InterruptedException {
        if (!request.method().equals("POST")) {
            sendText(exchange, 405, "application/json", "{\"error\":\"Use POST\"}");
            return;
        }
        if (request.cookie("wos-session").filter(v -> !v.isBlank()).isEmpty()) {
            sendText(exchange, 401, "application/json", "{\"error\":\"Unauthorized: no wos-session cookie\"}");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        String problem = ChatRequestRules.problemWith(body);
        if (problem != null) {
            sendText(exchange, 400, "application/json", JSON.createObjectNode().put("error", problem).toString());
            return;
        }
        ChatScenario scenario = queuedChats.poll();
        ChatExchange chat = new ChatExchange(exchange, request, body, this);
        (scenario == null ? defaultChat : scenario).respond(chat);
    }

    /** Sends a whole body of known length. */
    void sendText(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The scenarios still queued, for assertions. */
    public List<ChatScenario> queuedChats() {
        return new ArrayList<>(queuedChats);
    }
}
