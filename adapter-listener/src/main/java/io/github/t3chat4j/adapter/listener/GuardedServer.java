package io.github.t3chat4j.adapter.listener;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.Remedy;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty server guarded as every listener of {@code t3} is: at most so many connections at once (more
 * wait to be accepted), a deadline for each request head ({@link RequestHeadDeadline}), an idle timeout,
 * only the names and web origins its {@link ListenRules} allow ({@link HostAndOriginCheck}), CORS headers
 * for the allowed origins, and no server version in answers. What it serves is the handler given to
 * {@link Builder#start}. Thread-safe.
 */
public final class GuardedServer {

    private final Server server;
    private final int port;

    private GuardedServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A server for {@code rules.host()} on {@code port} (0 for a free one); {@code what} names it in messages. */
    public static Builder builder(String what, ListenRules rules, int port) {
        return new Builder(what, rules, port);
    }

    /** The port listened on (the free one chosen, when 0 was asked for). */
    public int port() {
        return port;
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server: connections still open get the stop timeout to finish their answer. */
    public void stop() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping after a failed start or during JVM shutdown: nothing more can be done.
        }
    }

    /** How a {@link GuardedServer} is made; {@link #start} listens. */
    public static final class Builder {
        private final String what;
        private final ListenRules rules;
        private final int port;
        private int maxConnections = 128;
        private Duration headTimeout = Duration.ofSeconds(5);
        private Duration idleTimeout = Duration.ofMinutes(5);
        private Duration stopTimeout = Duration.ofSeconds(5);
        private Set<String> corsMethods = Set.of("GET", "POST", "OPTIONS");
        private Set<String> corsHeaders = Set.of("Content-Type");
        private Set<String> corsExposedHeaders = Set.of();
        private Refusal refusal;
        private Request.Handler errorHandler;
        private String threadName = "t3-listener";
        private UriCompliance uriCompliance = UriCompliance.DEFAULT;

        private Builder(String what, ListenRules rules, int port) {
            this.what = requireNonNull(what, "what == null");
            this.rules = requireNonNull(rules, "rules == null");
            if (port < 0 || port > 65_535) {
                throw new InvalidInputException("The " + what + "'s port must be between 0 and 65535, got " + port
                        + ".");
            }
            this.port = port;
        }

        /** The most connections served at once (128 by default). */
        public Builder maxConnections(int value) {
            this.maxConnections = value;
            return this;
        }

        /** How long a connection may take to send a whole request head (5 s by default). */
        public Builder headTimeout(Duration value) {
            this.headTimeout = requireNonNull(value, "headTimeout == null");
            return this;
        }

        /** How long a connection may stay silent while a request is read or an answer written. */
        public Builder idleTimeout(Duration value) {
            this.idleTimeout = requireNonNull(value, "idleTimeout == null");
            return this;
        }

        /** How long answers still being written get when the server stops. */
        public Builder stopTimeout(Duration value) {
            this.stopTimeout = requireNonNull(value, "stopTimeout == null");
            return this;
        }

        /**
         * The methods, request headers and exposed headers of CORS answers to allowed origins (GET, POST
         * and OPTIONS with {@code Content-Type} by default). List the request headers one by one: by the
         * Fetch standard, {@code *} never covers {@code Authorization}.
         */
        public Builder cors(Set<String> methods, Set<String> headers, Set<String> exposedHeaders) {
            this.corsMethods = Set.copyOf(methods);
            this.corsHeaders = Set.copyOf(headers);
            this.corsExposedHeaders = Set.copyOf(exposedHeaders);
            return this;
        }

        /** Which request targets Jetty accepts ({@link UriCompliance#DEFAULT} unless told). */
        public Builder uriCompliance(UriCompliance value) {
            this.uriCompliance = requireNonNull(value, "uriCompliance == null");
            return this;
        }

        /** How a refused request is answered (and logged). */
        public Builder refusal(Refusal value) {
            this.refusal = requireNonNull(value, "refusal == null");
            return this;
        }

        /** What answers requests Jetty itself rejects (a malformed request line, say). */
        public Builder errorHandler(Request.Handler value) {
            this.errorHandler = requireNonNull(value, "errorHandler == null");
            return this;
        }

        /** The name of the server's threads. */
        public Builder threadName(String value) {
            this.threadName = requireNonNull(value, "threadName == null");
            return this;
        }

        /**
         * Starts listening, with {@code handler} behind the guards.
         *
         * @throws InvalidInputException when the address cannot be listened on (in use, not this machine's)
         */
        public GuardedServer start(Handler handler) {
            requireNonNull(handler, "handler == null");
            requireNonNull(refusal, "refusal == null: say how a refused request is answered");
            if (maxConnections < 1 || headTimeout.isNegative() || headTimeout.isZero() || idleTimeout.isNegative()
                    || idleTimeout.isZero()) {
                throw new InvalidInputException("The " + what + "'s limits must be positive.");
            }
            QueuedThreadPool threads = new QueuedThreadPool(maxConnections + 32, 8);
            threads.setName(threadName);
            threads.setDaemon(true);
            Server server = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            http.setUriCompliance(uriCompliance);
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
            connector.setHost(rules.host());
            connector.setPort(port);
            connector.setIdleTimeout(idleTimeout.toMillis());
            server.addConnector(connector);
            server.addBean(new NetworkConnectionLimit(maxConnections, server));
            Handler guarded = new HostAndOriginCheck(rules, what, refusal,
                    rules.corsOrigins().isEmpty() ? handler : cors(handler));
            RequestHeadDeadline headDeadline = new RequestHeadDeadline(headTimeout, connector.getScheduler(), guarded);
            connector.addBean(headDeadline);
            server.setHandler(headDeadline);
            if (errorHandler != null) {
                server.setErrorHandler(errorHandler);
            }
            server.setStopTimeout(stopTimeout.toMillis());
            try {
                server.start();
            } catch (Exception e) {
                stopQuietly(server);
                throw new InvalidInputException("The " + what + " could not listen on " + rules.host() + ":" + port
                        + " (" + e.getMessage() + ").", Remedy.GATEWAY_PORT);
            }
            return new GuardedServer(server, connector.getLocalPort());
        }

        private Handler cors(Handler handler) {
            CrossOriginHandler cors = new CrossOriginHandler();
            cors.setAllowedOriginPatterns(rules.corsOrigins().stream()
                    .map(origin -> origin.equals("*") ? ".*" : Pattern.quote(origin)).collect(Collectors.toSet()));
            cors.setAllowedMethods(corsMethods);
            cors.setAllowedHeaders(corsHeaders);
            cors.setExposedHeaders(corsExposedHeaders);
            cors.setAllowCredentials(false);
            cors.setPreflightMaxAge(Duration.ofMinutes(10));
            cors.setHandler(handler);
            return cors;
        }
    }
}
