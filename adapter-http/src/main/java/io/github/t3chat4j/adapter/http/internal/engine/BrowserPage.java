package io.github.t3chat4j.adapter.http.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.adapter.http.internal.browser.CdpConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One tab of the {@link BrowserEngine}'s browser, showing t3.chat: opened once, it loads the site's home
 * page as any browser does (waiting while the edge's checkpoint page runs its challenge and reloads),
 * then carries out each request with {@code fetch} from an isolated world of its own ({@code
 * browser-fetch.js}), the answer's head and each chunk of its body coming back through a DevTools binding
 * as they arrive ({@link BrowserExchange}). A tab for the session keeps the session's cookies in its
 * browser context's jar, set through DevTools before a request whenever they changed; the other tab
 * lives in a separate browser context without them. Thread-safe.
 */
final class BrowserPage {

    static final String WORLD = "t3chat4j";
    static final String BINDING = "t3chat4jPipe";
    /** The longest a checkpoint page may take to pass its challenge and move on. */
    static final Duration CHALLENGE_WAIT = Duration.ofSeconds(15);
    /** How far the page may read a body ahead of the engine's reader. */
    static final int WINDOW = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELPER = helper();
    private static final String START = "function (request) { t3chat4j.start(request); }";
    /** Header fields the browser sets itself: fetch may not set them, or the browser's own must win. */
    private static final Set<String> BROWSER_OWNED = Set.of("cookie", "user-agent", "referer", "origin", "host",
            "connection", "content-length", "accept-encoding", "priority", "upgrade-insecure-requests", "te",
            "trailer", "transfer-encoding", "keep-alive", "expect", "via", "date", "dnt");
    /** How Chromium names a failure to reach the site at all (nothing was sent). */
    private static final Set<String> NOT_CONNECTED = Set.of("net::ERR_CONNECTION_REFUSED", "net::ERR_NAME_NOT_RESOLVED",
            "net::ERR_ADDRESS_UNREACHABLE", "net::ERR_CONNECTION_TIMED_OUT", "net::ERR_INTERNET_DISCONNECTED",
            "net::ERR_PROXY_CONNECTION_FAILED", "net::ERR_NAME_RESOLUTION_FAILED", "net::ERR_TUNNEL_CONNECTION_FAILED",
            "net::ERR_CONNECTION_FAILED", "net::ERR_ADDRESS_INVALID");

    /** The browser's own User-Agent without "Headless", and the client hints that go with it. */
    record Agent(String userAgent, JsonNode metadata) {
    }

    /** What the tab has seen happen while loading. */
    private record Loading(String kind, int status, List<Header> headers) {
    }

    private final CdpConnection cdp;
    private final URI site;
    private final String origin;
    private final String browserContextId;
    private final String sessionId;
    private final Map<Long, BrowserExchange> exchanges = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final BlockingQueue<Loading> loading = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private volatile Integer world;
    private volatile boolean alive = true;
    private String frameId;
    private String protocol = "HTTP/1.1";
    private String cookies;
    private Agent agent;

    private BrowserPage(CdpConnection cdp, URI site, String browserContextId, String sessionId, Agent agent) {
        this.cdp = cdp;
        this.site = site;
        this.origin = BrowserEngine.origin(site);
        this.browserContextId = browserContextId;
        this.sessionId = sessionId;
        this.agent = agent;
    }

    /**
     * Opens a tab ({@code anonymous}: in a browser context of its own, without the session) and loads the
     * site.
     *
     * @param agent the User-Agent and client hints an earlier tab found, or null to find them
     */
    static BrowserPage open(CdpConnection cdp, URI site, boolean anonymous, Agent agent, Timeouts timeouts)
            throws IOException {
        Duration timeout = timeouts.connect().plus(timeouts.read());
        String context = null;
        if (anonymous) {
            context = cdp.call(null, "Target.createBrowserContext", cdp.params().put("disposeOnDetach", true), timeout)
                    .path("browserContextId").asText();
        }
        ObjectNode target = cdp.params().put("url", "about:blank");
        if (context != null) {
            target.put("browserContextId", context);
        }
        String targetId = cdp.call(null, "Target.createTarget", target, timeout).path("targetId").asText();
        String sessionId = cdp.call(null, "Target.attachToTarget", cdp.params().put("targetId", targetId)
                .put("flatten", true), timeout).path("sessionId").asText();
        BrowserPage page = new BrowserPage(cdp, site, context, sessionId, agent);
        page.listen();
        page.call("Page.enable", null, timeout);
        page.call("Runtime.enable", null, timeout);
        page.call("Runtime.addBinding", cdp.params().put("name", BINDING).put("executionContextName", WORLD), timeout);
        page.passAsBrowser(timeout);
        page.load(timeouts);
        return page;
    }

    /** The User-Agent and client hints this tab sends. */
    Agent agent() {
        return agent;
    }

    boolean isAlive() {
        return alive && cdp.isOpen();
    }

    /**
     * Starts {@code request} in the page and returns once its head has arrived.
     *
     * @throws SocketTimeoutException when the head did not come by {@code deadline}
     */
    EngineResponse fetch(EngineRequest request, HeadDeadline deadline) throws IOException {
        Duration timeout = request.timeouts().connect().plus(request.timeouts().read());
        int context = world(request.timeouts());
        Optional<String> cookie = request.header("Cookie");
        if (cookie.isPresent()) {
            setCookies(cookie.get(), timeout);
        }
        long id = ids.incrementAndGet();
        BrowserExchange exchange = new BrowserExchange(this, id, protocol, request.timeouts().read());
        exchanges.put(id, exchange);
        ObjectNode arguments = cdp.params().put("functionDeclaration", START).put("executionContextId", context)
                .put("returnByValue", true);
        arguments.putArray("arguments").addObject().set("value", describe(id, request));
        try {
            JsonNode started = call("Runtime.callFunctionOn", arguments, timeout);
            if (started.has("exceptionDetails")) {
                throw new IOException("The page could not start the request: "
                        + started.path("exceptionDetails").path("text").asText("an exception"));
            }
            deadline.sent();
            exchange.awaitHead(deadline);
            return exchange;
        } catch (IOException | RuntimeException e) {
            exchange.abort();
            exchanges.remove(id);
            throw e;
        }
    }

    /** The request as {@code browser-fetch.js} takes it; the header fields the browser owns are left to it. */
    private ObjectNode describe(long id, EngineRequest request) {
        ObjectNode described = JSON.createObjectNode().put("id", id).put("url", request.uri().toString())
                .put("method", request.method()).put("follow", request.followRedirects()).put("window", WINDOW);
        ArrayNode headers = described.putArray("headers");
        for (Header header : request.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (!BROWSER_OWNED.contains(name) && !name.startsWith("sec-") && !name.startsWith("proxy-")) {
                headers.addArray().add(header.name()).add(header.value());
            }
        }
        request.header("Referer").filter(r -> r.startsWith(origin + "/")).ifPresent(r -> described.put("referrer", r));
        byte[] body = request.body();
        boolean mayHaveBody = !request.method().equalsIgnoreCase("GET") && !request.method().equalsIgnoreCase("HEAD");
        if (mayHaveBody) {
            described.put("body", Base64.getEncoder().encodeToString(body));
        } else {
            described.putNull("body");
        }
        return described;
    }

    /** Tells the page to stop reading the answer of {@code id}; does not wait. */
    void abort(long id) {
        Integer context = world;
        exchanges.remove(id);
        if (context != null && isAlive()) {
            ObjectNode arguments = cdp.params().put("functionDeclaration", "function (id) { t3chat4j.abort(id); }")
                    .put("executionContextId", context);
            arguments.putArray("arguments").addObject().put("value", id);
            cdp.send(sessionId, "Runtime.callFunctionOn", arguments);
        }
    }

    /** Tells the page the engine has read {@code bytes} of the answer of {@code id}; does not wait. */
    void acknowledge(long id, long bytes) {
        Integer context = world;
        if (context != null && isAlive()) {
            ObjectNode arguments = cdp.params().put("functionDeclaration",
                    "function (id, bytes) { t3chat4j.ack(id, bytes); }").put("executionContextId", context);
            ArrayNode values = arguments.putArray("arguments");
            values.addObject().put("value", id);
            values.addObject().put("value", bytes);
            cdp.send(sessionId, "Runtime.callFunctionOn", arguments);
        }
    }

    /** Forgets a finished exchange. */
    void finished(long id) {
        exchanges.remove(id);
    }

    private void listen() {
        cdp.on("Runtime.bindingCalled", (session, params) -> {
            if (sessionId.equals(session) && BINDING.equals(params.path("name").asText())) {
                received(params.path("payload").asText(""));
            }
        });
        cdp.on("Runtime.executionContextDestroyed", (session, params) -> {
            Integer context = world;
            if (sessionId.equals(session) && context != null
                    && params.path("executionContextId").asInt(-1) == context) {
                lost("the page's script world was destroyed (the page navigated)");
            }
        });
        cdp.on("Runtime.executionContextsCleared", (session, params) -> {
            if (sessionId.equals(session) && world != null) {
                lost("the page navigated");
            }
        });
        cdp.on("Page.domContentEventFired", (session, params) -> {
            if (sessionId.equals(session)) {
                loading.add(new Loading("loaded", 0, List.of()));
            }
        });
        cdp.on("Network.responseReceived", (session, params) -> {
            if (sessionId.equals(session) && "Document".equals(params.path("type").asText())
                    && (frameId == null || frameId.equals(params.path("frameId").asText()))) {
                JsonNode response = params.path("response");
                loading.add(new Loading("document", response.path("status").asInt(), headers(response.path("headers"))));
            }
        });
        cdp.on("Target.detachedFromTarget", (session, params) -> {
            if (sessionId.equals(params.path("sessionId").asText())) {
                alive = false;
                lost("the browser closed the page");
            }
        });
        cdp.on("Inspector.targetCrashed", (session, params) -> {
            if (sessionId.equals(session)) {
                alive = false;
                lost("the page crashed");
            }
        });
        cdp.onClose(() -> {
            alive = false;
            lost("the browser exited");
        });
    }

    /** A message of {@code browser-fetch.js}: a head, a chunk, the end or a failure of one exchange. */
    private void received(String payload) {
        JsonNode message;
        try {
            message = JSON.readTree(payload);
        } catch (IOException garbled) {
            return;
        }
        BrowserExchange exchange = exchanges.get(message.path("id").asLong(-1));
        if (exchange == null) {
            return;
        }
        if (message.has("head")) {
            JsonNode head = message.get("head");
            exchange.head(head.path("status").asInt(), pairs(head.path("headers")));
        } else if (message.has("data")) {
            exchange.data(Base64.getDecoder().decode(message.get("data").asText()));
        } else if (message.has("end")) {
            exchange.end();
        } else if (message.has("error")) {
            exchange.fail(new IOException("The browser's request failed (" + message.get("error").asText() + ")"));
        }
    }

    /** Fails every exchange under way: their page is gone. */
    private void lost(String why) {
        world = null;
        for (BrowserExchange exchange : List.copyOf(exchanges.values())) {
            exchange.fail(new IOException("The browser's request broke off: " + why + "."));
        }
        exchanges.clear();
    }

    /**
     * Makes the page look like the user's browser rather than a headless one: the browser's own
     * User-Agent without "Headless", and its own client hints (read where a page may see them, its version
     * page), so that the two agree as they do in a browser a person uses.
     */
    private void passAsBrowser(Duration timeout) throws IOException {
        if (agent == null) {
            String userAgent = cdp.call(null, "Browser.getVersion", null, timeout).path("userAgent").asText("");
            if (!userAgent.contains("HeadlessChrome/")) {
                return;
            }
            navigate("chrome://version/", timeout);
            awaitLoaded(System.nanoTime() + timeout.toNanos());
            JsonNode metadata = evaluate("navigator.userAgentData ? navigator.userAgentData.getHighEntropyValues(["
                    + "'architecture','bitness','model','platformVersion','fullVersionList','wow64'])"
                    + ".then(v => ({brands: v.brands, fullVersionList: v.fullVersionList, platform: v.platform,"
                    + " platformVersion: v.platformVersion, architecture: v.architecture, model: v.model,"
                    + " mobile: v.mobile, bitness: v.bitness, wow64: v.wow64})) : null", timeout);
            agent = new Agent(userAgent.replace("HeadlessChrome/", "Chrome/"), metadata.isObject() ? metadata : null);
        }
        ObjectNode override = cdp.params().put("userAgent", agent.userAgent());
        if (agent.metadata() != null) {
            override.set("userAgentMetadata", agent.metadata());
        }
        call("Emulation.setUserAgentOverride", override, timeout);
    }

    /**
     * Loads the site's home page and waits until it shows something other than the edge's checkpoint
     * (whose script passes its challenge and reloads, as in any browser), or the time is up: then the
     * requests meet the checkpoint themselves and say so. A checkpoint page gets at most
     * {@link #CHALLENGE_WAIT} (or the read timeout, if shorter) to move on.
     */
    private void load(Timeouts timeouts) throws IOException {
        Duration timeout = timeouts.connect().plus(timeouts.read());
        Duration challenge = timeouts.read().compareTo(CHALLENGE_WAIT) < 0 ? timeouts.read() : CHALLENGE_WAIT;
        long deadline = System.nanoTime() + timeout.toNanos();
        call("Network.enable", null, timeout);
        try {
            loading.clear();
            frameId = navigate(origin + "/", timeout);
            boolean loadedOnce = false;
            Loading document = null;
            while (true) {
                Loading seen = next(deadline);
                if (seen == null) {
                    break;
                }
                if (seen.kind().equals("document")) {
                    document = seen;
                } else if (document != null) {
                    loadedOnce = true;
                    boolean checkpoint = Checkpoint.inHead(document.status(), document.headers()).isPresent()
                            || Checkpoint.isCheckpointTitle(title(timeout));
                    if (!checkpoint) {
                        break;
                    }
                    deadline = Math.min(deadline, System.nanoTime() + challenge.toNanos());
                }
            }
            if (!loadedOnce) {
                throw new SocketTimeoutException("The browser could not load " + origin + " within "
                        + timeout.toMillis() + " ms");
            }
        } finally {
            if (cdp.isOpen()) {
                cdp.send(sessionId, "Network.disable", null);
            }
        }
        String hop = evaluate("(performance.getEntriesByType('navigation')[0] || {}).nextHopProtocol || ''", timeout)
                .asText("");
        protocol = switch (hop) {
            case "h2" -> "HTTP/2.0";
            case "h3" -> "HTTP/3";
            case "http/1.0" -> "HTTP/1.0";
            default -> "HTTP/1.1";
        };
    }

    /**
     * The page's title; a checkpoint's title when the page is already on its way elsewhere (its challenge
     * reloads it as we ask), so that the wait goes on.
     */
    private String title(Duration timeout) throws IOException {
        try {
            return evaluate("document.title", timeout).asText("");
        } catch (io.github.t3chat4j.adapter.http.internal.browser.CdpException navigating) {
            if (!cdp.isOpen()) {
                throw navigating;
            }
            return Checkpoint.VERCEL_PAGE_TITLE;
        }
    }

    /** The next thing the loading showed, or null when the deadline passed. */
    private Loading next(long deadline) throws IOException {
        try {
            long left = deadline - System.nanoTime();
            return left <= 0 ? null : loading.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while the browser loaded t3.chat");
        }
    }

    private void awaitLoaded(long deadline) throws IOException {
        for (Loading seen = next(deadline); seen != null; seen = next(deadline)) {
            if (seen.kind().equals("loaded")) {
                return;
            }
        }
        throw new SocketTimeoutException("The browser's page did not load in time");
    }

    /** Navigates the tab; returns its frame id. */
    private String navigate(String url, Duration timeout) throws IOException {
        JsonNode result = call("Page.navigate", cdp.params().put("url", url), timeout);
        String error = result.path("errorText").asText("");
        if (!error.isEmpty()) {
            IOException failure = new ConnectException("the browser could not reach " + origin + " (" + error + ")");
            if (NOT_CONNECTED.contains(error)) {
                throw new RequestNotSentException(true, failure);
            }
            throw new IOException("The browser could not load " + origin + " (" + error + ")", failure);
        }
        return result.path("frameId").asText();
    }

    /**
     * The isolated world the requests run in, made (with {@code browser-fetch.js} in it) when the page
     * has none: at first, and after the site's page navigated by itself.
     */
    private int world(Timeouts timeouts) throws IOException {
        Duration timeout = timeouts.connect().plus(timeouts.read());
        synchronized (lock) {
            if (!isAlive()) {
                throw new IOException("The browser's page is gone.");
            }
            Integer context = world;
            if (context != null) {
                return context;
            }
            String url = evaluate("location.href", timeout).asText("");
            if (!url.startsWith(origin + "/") && !url.equals(origin)) {
                load(timeouts);
            }
            context = call("Page.createIsolatedWorld", cdp.params().put("frameId", frameId).put("worldName", WORLD)
                    .put("grantUniveralAccess", false), timeout).path("executionContextId").asInt();
            JsonNode installed = call("Runtime.evaluate", cdp.params().put("expression", HELPER)
                    .put("contextId", context), timeout);
            if (installed.has("exceptionDetails")) {
                throw new IOException("The page refused t3chat4j's request helper: "
                        + installed.path("exceptionDetails").path("text").asText());
            }
            world = context;
            return context;
        }
    }

    /**
     * Puts the session's cookies in this tab's jar when they differ from what it holds (the pipeline sends
     * a renewed {@code wos-session} in the next request's {@code Cookie} header). They are marked
     * {@code HttpOnly}: the site's own scripts cannot read them.
     */
    private void setCookies(String header, Duration timeout) throws IOException {
        synchronized (lock) {
            if (header.equals(cookies)) {
                return;
            }
            ObjectNode params = cdp.params();
            ArrayNode list = params.putArray("cookies");
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? "" : pair.substring(0, eq).strip();
                if (!name.isEmpty()) {
                    list.addObject().put("name", name).put("value", pair.substring(eq + 1).strip())
                            .put("url", origin + "/").put("secure", origin.startsWith("https:"))
                            .put("httpOnly", true).put("sameSite", "Lax");
                }
            }
            if (browserContextId != null) {
                params.put("browserContextId", browserContextId);
            }
            cdp.call(null, "Storage.setCookies", params, timeout);
            cookies = header;
        }
    }

    private JsonNode evaluate(String expression, Duration timeout) throws IOException {
        JsonNode result = call("Runtime.evaluate", cdp.params().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true), timeout);
        return result.path("result").path("value");
    }

    private JsonNode call(String method, ObjectNode params, Duration timeout) throws IOException {
        return cdp.call(sessionId, method, params, timeout);
    }

    /** Header fields as DevTools gives them (an object; repeated fields joined by line breaks). */
    private static List<Header> headers(JsonNode object) {
        List<Header> headers = new ArrayList<>();
        object.fields().forEachRemaining(field -> {
            for (String value : field.getValue().asText("").split("\n")) {
                add(headers, field.getKey(), value);
            }
        });
        return headers;
    }

    /** Header fields as {@code fetch} gives them: {@code [[name, value], …]}. */
    private static List<Header> pairs(JsonNode array) {
        List<Header> headers = new ArrayList<>();
        for (JsonNode pair : array) {
            add(headers, pair.path(0).asText(""), pair.path(1).asText(""));
        }
        return headers;
    }

    private static void add(List<Header> headers, String name, String value) {
        try {
            headers.add(new Header(name, value));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            // A field no request of ours could use.
        }
    }

    private static String helper() {
        try (InputStream in = BrowserPage.class.getResourceAsStream("browser-fetch.js")) {
            if (in == null) {
                throw new IllegalStateException("browser-fetch.js is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "BrowserPage[" + origin + (browserContextId == null ? "" : ", without the session") + "]";
    }
}
