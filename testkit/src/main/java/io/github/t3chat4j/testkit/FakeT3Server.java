package io.github.t3chat4j.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.t3chat4j.testkit.trpc.FakeTrpc;
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
import java.util.function.Predicate;

/**
 * A fake t3.chat: a real HTTP server on 127.0.0.1 (a free port) that speaks PROTOCOL.md. It serves
 * {@code GET /}, {@code POST /api/chat} and {@code GET /api/trpc/auth.getActiveSessions}, validates
 * chat requests (400 with a JSON error for a malformed body, 401 without a {@code wos-session}
 * cookie), answers them with scripted {@link ChatScenario}s ({@link Scenarios#echo()} by default) and
 * records every request. An {@link EdgeCheckpoint} can stand in front of it, as Vercel's does in front of
 * the real site. Session rotation is off unless {@link #rotateSessionOnRefresh} or
 * {@link #expireSessionUntilRefresh} turns it on.
 *
 * <p>Add an endpoint with {@link #route}; queue one-off chat answers with {@link #enqueueChat}. Thread-safe.
 */
public final class FakeT3Server implements AutoCloseable {

    /** The path of the session refresh (PROTOCOL.md section 2). */
    public static final String ACTIVE_SESSIONS_PATH = "/api/trpc/auth.getActiveSessions";
    /** The id of the one session {@code auth.getActiveSessions} lists. */
    public static final String SESSION_ID = "session_01FAKET3CHAT4J";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOME_PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>T3 Chat (fake)</title></head>
            <body><div id="root">t3chat4j fake server</div></body></html>
            """;

    private static final String CHALLENGE_PAGE = """
            <!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head>
            <body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>
            """;

    private final HttpServer http;
    private final ExecutorService executor;
    private volatile SecureListener secure;
    private volatile Predicate<RecordedRequest> botFilter = request -> false;
    private volatile EdgeCheckpoint checkpoint;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Endpoint> routes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<ChatScenario> queuedChats = new ConcurrentLinkedQueue<>();
    private volatile ChatScenario defaultChat = Scenarios.echo();
    private volatile String homePage = HOME_PAGE;
    private volatile String pendingRotation;
    private volatile String requiredWosSession;
    private volatile boolean sessionExpired;
    private volatile boolean sessionRevoked;

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
            // Account procedures, model chunks and the home page first; the session route below
            // replaces FakeTrpc's plain one, because it also rotates and expires sessions.
            FakeTrpc.install(server);
            server.route(ACTIVE_SESSIONS_PATH, server::activeSessions);
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the fake t3.chat server", e);
        }
    }

    /**
     * Starts a server that also listens with TLS (the shared {@link TestCertificate}) on a second port,
     * speaking HTTP/2 to clients that offer it through ALPN and HTTP/1.1 to the others; its
     * {@link #baseUrl()} is then the {@code https://} one.
     */
    public static FakeT3Server startSecure() {
        FakeT3Server server = start();
        try {
            server.secure = SecureListener.start(exchange -> {
                try {
                    server.dispatch(exchange);
                } catch (IOException e) {
                    // The client went away; nothing to do.
                }
            }, server.executor);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** {@code http://127.0.0.1:<port>}, or {@code https://127.0.0.1:<port>} for a secure server. */
    public URI baseUrl() {
        SecureListener tls = secure;
        return tls == null ? plainBaseUrl() : URI.create("https://127.0.0.1:" + tls.port());
    }

    /**
     * A browser's cookie string this server accepts, holding a {@code wos-session} and the
     * {@code convex-session-id} (so no separate convex session id is needed).
     */
    public static final String COOKIES = "wos-session=fake-wos-session; convex-session-id=fake-convex-session";

    /**
     * What {@code T3Client.fromEnv(Map)} needs to reach this server: {@code T3_BASE_URL} (its plain
     * listener) and {@code COOKIES} ({@link #COOKIES}); nothing is read from the real environment.
     *
     * @return the variables, as a new map a test may add to
     */
    public java.util.Map<String, String> environment() {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("T3_BASE_URL", plainBaseUrl().toString());
        env.put("COOKIES", COOKIES);
        return env;
    }

    /** {@code http://127.0.0.1:<port>}: the plain listener, which every server has. */
    public URI plainBaseUrl() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** The port of {@link #baseUrl()}. */
    public int port() {
        return baseUrl().getPort();
    }

    /** The PEM file clients must trust to reach a secure server. */
    public java.nio.file.Path certificateFile() {
        return TestCertificate.shared().pemFile();
    }

    /**
     * Plays an edge bot filter: every request that {@code blocked} matches is answered 403 with an HTML
     * challenge page and {@code cf-mitigated: challenge}, before any route sees it (it is still recorded).
     */
    public FakeT3Server botFilter(Predicate<RecordedRequest> blocked) {
        this.botFilter = requireNonNull(blocked, "blocked == null");
        return this;
    }

    /**
     * Puts {@code edge} in front of every path: a request without the cookie its challenge sets is turned
     * away before any route sees it (it is still recorded); null takes it away.
     */
    public FakeT3Server edgeCheckpoint(EdgeCheckpoint edge) {
        this.checkpoint = edge;
        return this;
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

    /**
     * Turns rotation on: the next {@code auth.getActiveSessions} answers with header
     * {@code x-workos-session: <rotatedToken>}, and from then on chat accepts only that {@code wos-session}.
     */
    public FakeT3Server rotateSessionOnRefresh(String rotatedToken) {
        this.pendingRotation = requireNonNull(rotatedToken, "rotatedToken == null");
        return this;
    }

    /**
     * An expired session that a refresh recovers: chat answers 401 until the client has called
     * {@code auth.getActiveSessions}, which rotates the session to {@code rotatedToken}; chat then
     * accepts only the new token.
     */
    public FakeT3Server expireSessionUntilRefresh(String rotatedToken) {
        rotateSessionOnRefresh(rotatedToken);
        this.sessionExpired = true;
        return this;
    }

    /**
     * A revoked session (signed out elsewhere): every {@code /api/} request answers 401, session renewal
     * included, so no refresh recovers it.
     */
    public FakeT3Server revokeSession() {
        this.sessionRevoked = true;
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

    /** Forgets recorded requests, queued scenarios and session rotation. */
    public void reset() {
        requests.clear();
        queuedChats.clear();
        pendingRotation = null;
        requiredWosSession = null;
        sessionExpired = false;
        sessionRevoked = false;
    }

    @Override
    public void close() {
        SecureListener tls = secure;
        if (tls != null) {
            tls.close();
        }
        http.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            requests.add(request);
            EdgeCheckpoint edge = checkpoint;
            if (edge != null && !edge.passes(request)) {
                edge.turnAway(exchange);
                return;
            }
            if (botFilter.test(request)) {
                exchange.getResponseHeaders().set("cf-mitigated", "challenge");
                sendText(exchange, 403, "text/html; charset=UTF-8", CHALLENGE_PAGE);
                return;
            }
            if (sessionRevoked && request.path().startsWith("/api/")) {
                sendText(exchange, 401, "application/json", "[{\"error\":{\"json\":{\"message\":\"UNAUTHORIZED\","
                        + "\"code\":-32001,\"data\":{\"code\":\"UNAUTHORIZED\",\"httpStatus\":401}}}}]");
                return;
            }
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
                new String(body, StandardCharsets.UTF_8), exchange.getRemoteAddress().getPort(), exchange.getProtocol());
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
        String required = requiredWosSession;
        if (sessionExpired || (required != null && !request.cookie("wos-session").orElse("").equals(required))) {
            sendText(exchange, 401, "application/json", "{\"error\":\"Unauthorized: the session has expired\"}");
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

    private void activeSessions(HttpExchange exchange, RecordedRequest request) throws IOException {
        if (request.cookie("wos-session").filter(v -> !v.isBlank()).isEmpty()) {
            sendText(exchange, 401, "application/json", "[{\"error\":{\"json\":{\"message\":\"UNAUTHORIZED\","
                    + "\"code\":-32001,\"data\":{\"code\":\"UNAUTHORIZED\",\"httpStatus\":401,"
                    + "\"path\":\"auth.getActiveSessions\"}}}}]");
            return;
        }
        String rotated = pendingRotation;
        if (rotated != null) {
            pendingRotation = null;
            requiredWosSession = rotated;
            sessionExpired = false;
            exchange.getResponseHeaders().set("x-workos-session", rotated);
        }
        sendText(exchange, 200, "application/json", activeSessionsJsonl());
    }

    /** The tRPC 11 jsonl answer of {@code auth.getActiveSessions} listing one session (PROTOCOL.md 5). */
    public static String activeSessionsJsonl() {
        return "{\"json\":{\"0\":[[0],[null,0,0]]}}\n"
                + "{\"json\":[0,0,[[{\"result\":0}],[\"result\",0,1]]]}\n"
                + "{\"json\":[1,0,[[{\"data\":0}],[\"data\",0,2]]]}\n"
                + "{\"json\":[2,0,[[[{\"id\":\"" + SESSION_ID + "\",\"createdAt\":\"2025-06-01T12:00:00.000Z\","
                + "\"expiresAt\":\"2025-07-01T12:00:00.000Z\",\"ipAddress\":\"127.0.0.1\","
                + "\"userAgent\":\"t3chat4j-testkit\"}]]]]}\n";
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
