package io.github.t3chat4j.adapter.openai;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.Remedy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An OpenAI-compatible gateway over the use cases of one t3.chat connection: {@code GET /v1/models},
 * {@code POST /v1/chat/completions} and {@code POST /v1/responses} (streamed or not, with emulated tool
 * calling and structured output) and {@code POST /v1/images/generations}, each request a conversation of
 * its own (a response may continue one the gateway made). All requests share the connection's session keeper, so a cookie
 * rotated by one is used by the next. Served by Jetty with a connection limit, a deadline for each
 * request head, an idle timeout and a capped request body; only requests addressed to this machine's
 * names (or those allowed) from no web page (or an allowed one) are answered.
 *
 * <pre>{@code
 * try (OpenAiGateway gateway = OpenAiGateway.start(client, GatewayConfig.defaults(key), log)) {
 *     gateway.awaitStopped();     // http://127.0.0.1:8787/v1
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops accepting requests, lets the replies in flight finish within the configured
 * grace, then ends the rest with an error event (never half an event), and stops. It does not close the
 * client the use cases belong to. Thread-safe.
 */
public final class OpenAiGateway implements AutoCloseable {

    /**
     * The request headers web pages may send: the key (as OpenAI's and Anthropic's SDKs send it), the
     * body's type, and what the official SDKs add (their {@code x-stainless-*} details, OpenAI's
     * organisation, project and beta headers, Anthropic's version and beta headers).
     */
    static final Set<String> CORS_HEADERS = Set.of("Authorization", "Content-Type", "Accept", "x-api-key",
            "OpenAI-Organization", "OpenAI-Project", "OpenAI-Beta", "Idempotency-Key", "anthropic-version",
            "anthropic-beta", "anthropic-dangerous-direct-browser-access", "x-stainless-arch", "x-stainless-lang",
            "x-stainless-os", "x-stainless-package-version", "x-stainless-retry-count", "x-stainless-runtime",
            "x-stainless-runtime-version", "x-stainless-timeout", "x-stainless-helper-method",
            "x-stainless-async", "x-stainless-poll-helper", "x-stainless-custom-poll-interval");

    /** How long replies cut short at shutdown get to write their last event. */
    private static final Duration FINAL_WRITE_WAIT = Duration.ofSeconds(5);

    private final Server server;
    private final int port;
    private final InFlight inFlight;
    private final GatewayConfig config;
    private final Object stopLock = new Object();
    private boolean stopped;

    private OpenAiGateway(Server server, ServerConnector connector, InFlight inFlight, GatewayConfig config) {
        this.server = server;
        this.port = connector.getLocalPort();
        this.inFlight = inFlight;
        this.config = config;
    }

    /**
     * Starts the gateway over {@code client} (which it never closes: the caller does, after the gateway);
     * {@code log} hears one line per request (method, path,
     * status, model and time; never a key, a cookie or a body).
     *
     * @throws InvalidInputException when the address cannot be listened on (in use, not this machine's)
     */
    public static OpenAiGateway start(T3Client client, GatewayConfig config, Consumer<String> log) {
        requireNonNull(client, "client == null");
        requireNonNull(config, "config == null");
        requireNonNull(log, "log == null");
        QueuedThreadPool threads = new QueuedThreadPool(config.maxConnections() + 32, 8);
        threads.setName("t3-gateway");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        // POST /v1//chat/completions reaches the handler, which reads runs of slashes as one.
        http.setUriCompliance(UriCompliance.DEFAULT.with("t3-gateway", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(config.maxConnections(), server));
        InFlight inFlight = new InFlight();
        Clock clock = Clock.systemUTC();
        Handler handler = new GatewayHandler(client, config, inFlight, log, clock);
        handler = new HostAndOriginCheck(config, log, clock,
                config.corsOrigins().isEmpty() ? handler : cors(config, handler));
        RequestHeadDeadline headDeadline = new RequestHeadDeadline(config.headTimeout(), connector.getScheduler(),
                handler);
        connector.addBean(headDeadline);
        server.setHandler(headDeadline);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(FINAL_WRITE_WAIT.toMillis());
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new InvalidInputException("The gateway could not listen on " + config.host() + ":" + config.port()
                    + " (" + e.getMessage() + ").", Remedy.GATEWAY_PORT);
        }
        return new OpenAiGateway(server, connector, inFlight, config);
    }

    private static Handler cors(GatewayConfig config, Handler handler) {
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(config.corsOrigins().stream()
                .map(origin -> origin.equals("*") ? ".*" : Pattern.quote(origin)).collect(Collectors.toSet()));
        cors.setAllowedMethods(Set.of("GET", "HEAD", "POST", "DELETE", "OPTIONS"));
        // Listed one by one: by the Fetch standard, '*' never covers Authorization.
        cors.setAllowedHeaders(CORS_HEADERS);
        cors.setExposedHeaders(Set.of("Retry-After", "x-request-id"));
        cors.setAllowCredentials(false);
        cors.setPreflightMaxAge(Duration.ofMinutes(10));
        cors.setHandler(handler);
        return cors;
    }

    /** The port listened on (the free one chosen, when the config said 0). */
    public int port() {
        return port;
    }

    /** The base URL clients are given: {@code http://<host>:<port>/v1}. */
    public URI baseUrl() {
        String host = config.host().contains(":") && !config.host().startsWith("[")
                ? "[" + config.host() + "]" : config.host();
        return URI.create("http://" + host + ":" + port() + "/v1");
    }

    /** How many requests are being answered now. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Blocks until {@link #close()} has stopped the gateway (from another thread, a shutdown hook say). */
    public void awaitStopped() throws InterruptedException {
        server.join();
    }

    /**
     * Stops: refuses new requests (503), waits up to the grace for the replies in flight, ends those
     * still running with an error event, then stops the server. Calling it again does nothing.
     */
    @Override
    public void close() {
        synchronized (stopLock) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        inFlight.close();
        try {
            if (!inFlight.awaitEmpty(config.shutdownGrace())) {
                inFlight.shutDownAll();
                inFlight.awaitEmpty(FINAL_WRITE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inFlight.shutDownAll();
        }
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping after a failed start or during JVM shutdown: nothing more can be done.
        }
    }

    @Override
    public String toString() {
        return "OpenAiGateway[" + baseUrl() + ", key redacted]";
    }
}
