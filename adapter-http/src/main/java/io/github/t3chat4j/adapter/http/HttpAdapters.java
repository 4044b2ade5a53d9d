package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.HttpImageAdapter;
import io.github.t3chat4j.adapter.http.internal.HttpPipeline;
import io.github.t3chat4j.adapter.http.internal.HttpSessionAdapter;
import io.github.t3chat4j.adapter.http.internal.RealHttpPipeline;
import io.github.t3chat4j.adapter.http.internal.RetryPolicy;
import io.github.t3chat4j.adapter.http.internal.SiteRequests;
import io.github.t3chat4j.adapter.http.internal.SiteSignals;
import io.github.t3chat4j.adapter.http.internal.Sleeper;
import io.github.t3chat4j.adapter.http.internal.catalog.HttpModelCatalogAdapter;
import io.github.t3chat4j.adapter.http.internal.chat.HttpChatAdapter;
import io.github.t3chat4j.adapter.http.internal.chat.StreamLimits;
import io.github.t3chat4j.adapter.http.internal.engine.EngineOptions;
import io.github.t3chat4j.adapter.http.internal.engine.Engines;
import io.github.t3chat4j.adapter.http.internal.engine.FallbackEngine;
import io.github.t3chat4j.adapter.http.internal.engine.HttpEngine;
import io.github.t3chat4j.adapter.http.internal.engine.ProxyEndpoint;
import io.github.t3chat4j.adapter.http.internal.engine.ProxyRules;
import io.github.t3chat4j.adapter.http.internal.engine.SharedEngines;
import io.github.t3chat4j.adapter.http.internal.engine.Timeouts;
import io.github.t3chat4j.adapter.http.internal.engine.Transports;
import io.github.t3chat4j.adapter.http.internal.probe.HttpConnectionProbeAdapter;
import io.github.t3chat4j.adapter.http.internal.trpc.TrpcAccountAdapter;
import io.github.t3chat4j.application.DrivenAdapters;
import io.github.t3chat4j.application.DrivenPorts;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.InitializeSessionPort;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.application.port.out.LoadCustomerDataPort;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.LoadModelInsightsPort;
import io.github.t3chat4j.application.port.out.ProbeConnectionPort;
import io.github.t3chat4j.application.port.out.RenewSessionPort;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import io.github.t3chat4j.application.error.InvalidInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The HTTP adapters of t3chat4j, ready to hand to a client builder; they share one connection pool,
 * which {@link #close()} shuts down (a client built over them closes them with itself):
 *
 * <pre>{@code
 * T3Client client = T3Client.builder().cookies(cookies).convexSessionId(convexId)
 *         .adapters(HttpAdapters.create(HttpConfig.defaults())).build();
 * }</pre>
 *
 * Thread-safe; the adapters stay usable until closed. Creating it does no I/O.
 */
public final class HttpAdapters implements DrivenAdapters {

    private final HttpConfig config;
    private final HttpEngine engine;
    private final HttpChatAdapter chat;
    private final HttpSessionAdapter session;
    private final HttpImageAdapter images;
    private final TrpcAccountAdapter account;
    private final HttpModelCatalogAdapter catalog;

    private HttpAdapters(HttpConfig config, Programs programs, Sleeper sleeper, FallbackListener listener,
            ConnectionPools pools) {
        this.config = config;
        this.engine = engine(config, programs, listener, pools);
        Map<String, String> environment = programs.variables();
        HttpPipeline pipeline = new RealHttpPipeline(engine, config.userAgent(),
                new Timeouts(config.connectTimeout(), config.readTimeout()),
                RetryPolicy.of(config.maxRetries(), config.maxBackoff()), sleeper, Clock.systemUTC(),
                () -> names(Transports.available(engineOptions(config), environment)));
        SiteRequests site = new SiteRequests(config.baseUrl(), signals(config.signals()));
        ObjectMapper mapper = SharedMapper.MAPPER;
        this.chat = new HttpChatAdapter(pipeline, site, mapper, streamLimits(config.replyLimits()));
        this.session = new HttpSessionAdapter(pipeline, site);
        this.images = new HttpImageAdapter(pipeline, config.maxImageBytes());
        this.account = new TrpcAccountAdapter(pipeline, site, mapper);
        this.catalog = new HttpModelCatalogAdapter(pipeline, site, mapper);
    }

    /** Hears when t3.chat's checkpoint turned the configured transport away and another one got through. */
    @FunctionalInterface
    public interface FallbackListener {

        /** Hears nothing. */
        FallbackListener NONE = (turnedAway, through) -> { };

        /**
         * Called once per switch, on the thread of the request that got through.
         *
         * @param turnedAway the transports the checkpoint turned away, in order ({@code java}, …)
         * @param through the one that got through and carries every later request ({@code browser}, …)
         */
        void gotThrough(List<String> turnedAway, String through);
    }

    /**
     * The engine of {@code config}'s transport, with its proxy and trust settings; with fallback on, that
     * transport first and then the others this machine has.
     *
     * @param programs where curl and the browser are found and run (they get a few of the variables, never a
     *     proxy's)
     * @param pools connection pools that outlive these adapters, for the {@code java} transport; or null
     */
    static HttpEngine engine(HttpConfig config, Programs programs, FallbackListener listener, ConnectionPools pools) {
        EngineOptions options = engineOptions(config);
        Transports.Choice first = choice(config);
        Function<Transports.Choice, HttpEngine> make = choice -> pools != null && choice.kind() == Engines.Kind.JAVA
                ? pools.lease(choice.options(options))
                : Engines.create(choice.kind(), choice.options(options), programs.variables(),
                        programs.workingDirectory());
        if (!config.fallback()) {
            return make.apply(first);
        }
        return new FallbackEngine(first, () -> Transports.available(options, programs.variables()), make,
                listener::gotThrough);
    }

    /** The transport {@code config} names, as a fallback's first choice. */
    static Transports.Choice choice(HttpConfig config) {
        return switch (config.transport()) {
            case JAVA -> Transports.Choice.JAVA;
            case CURL -> Transports.Choice.curl(config.curl());
            case BROWSER -> Transports.Choice.BROWSER;
        };
    }

    static EngineOptions engineOptions(HttpConfig config) {
        EngineOptions options = EngineOptions.defaults().withProxies(proxyRules(config.proxy()))
                .withCurl(config.curl()).withSite(config.baseUrl()).withBrowser(config.browser().program())
                .withHostResolverRules(config.browser().hostResolverRules());
        return config.trustedCertificates().map(options::withTrustedCertificates).orElse(options);
    }

    /** What the site's own client sends, as the requests carry it. */
    static SiteSignals signals(HttpConfig.BrowserSignals signals) {
        return new SiteSignals(signals.clientContext(), signals.deploymentId(), signals.hcaptchaToken(),
                signals.traceHeaders());
    }

    private static List<String> names(List<Transports.Choice> choices) {
        return choices.stream().map(Transports.Choice::name).toList();
    }

    static ProxyRules proxyRules(HttpConfig.Proxy proxy) {
        return switch (proxy.kind()) {
            case NONE -> ProxyRules.none();
            case JVM -> ProxyRules.jvm();
            case RULES -> ProxyRules.explicit(proxy.forHttps().map(ProxyEndpoint::of),
                    proxy.forHttp().map(ProxyEndpoint::of), proxy.noProxy());
        };
    }

    /**
     * The probe of {@code t3 doctor} against {@code config}: the configured transport first, then every other
     * kind there is (the JVM's client, a curl-impersonate build, a browser), those this machine lacks
     * included, so that the doctor can say so; each transport's engine is made on first use and closed with
     * the probe. Curl and the browser get a few variables of this process's environment.
     */
    public static ProbeConnectionPort connectionProbe(HttpConfig config) {
        return connectionProbe(config, processEnvironment());
    }

    /**
     * Like {@link #connectionProbe(HttpConfig)}, with curl's few variables ({@code PATH}, {@code HOME}, the
     * language; never a secret) picked from {@code environment} instead of this process's: a program that
     * runs on behalf of another (a warm daemon, the {@code t3} command) hands over that one's.
     */
    public static ProbeConnectionPort connectionProbe(HttpConfig config, Map<String, String> environment) {
        return connectionProbe(config, new Programs(environment, Path.of("").toAbsolutePath()));
    }

    /** Like {@link #connectionProbe(HttpConfig)}, with curl and the browser found and run as {@code programs} says. */
    public static ProbeConnectionPort connectionProbe(HttpConfig config, Programs programs) {
        requireNonNull(config, "config == null");
        requireNonNull(programs, "programs == null");
        Map<String, String> environment = programs.variables();
        EngineOptions options = engineOptions(config);
        List<Transports.Choice> available = Transports.available(options, environment);
        List<String> kinds = new ArrayList<>(List.of(Transports.Choice.JAVA.name()));
        kinds.add(available.stream().map(Transports.Choice::name).filter(name -> name.startsWith("curl_")).findFirst()
                .orElse(IMPERSONATING_CURL));
        kinds.add(Transports.Choice.BROWSER.name());
        List<String> order = new ArrayList<>(List.of(choice(config).name()));
        kinds.stream().filter(name -> !order.contains(name)).forEach(order::add);
        List<Transports.Choice> known = Transports.startingWith(choice(config), available);
        return new HttpConnectionProbeAdapter(new SiteRequests(config.baseUrl(), signals(config.signals())),
                config.userAgent(),
                new Timeouts(config.connectTimeout(), config.readTimeout()), proxyRules(config.proxy()),
                config.trustedCertificates(), order, name -> {
                    if (name.equals(IMPERSONATING_CURL)) {
                        throw new InvalidInputException("no curl-impersonate build (curl_chrome131 and the like) on"
                                + " the PATH");
                    }
                    Transports.Choice choice = known.stream().filter(c -> c.name().equals(name)).findFirst()
                            .orElse(Transports.Choice.BROWSER);
                    return Engines.create(choice.kind(), choice.options(options), environment,
                            programs.workingDirectory());
                });
    }

    /**
     * The transports this machine has for {@code config}, in the order a fallback tries them: {@code java},
     * the newest curl-impersonate wrapper on the {@code PATH} of {@code environment} ({@code curl_chrome131},
     * say), {@code browser} when a Chromium-family browser is installed. Looks at the file system, so call it
     * when it matters.
     */
    public static List<String> availableTransports(HttpConfig config, Map<String, String> environment) {
        return names(Transports.available(engineOptions(requireNonNull(config, "config == null")),
                requireNonNull(environment, "environment == null")));
    }

    /** How the doctor names a curl-impersonate build that is not there. */
    static final String IMPERSONATING_CURL = "curl-impersonate";

    /**
     * The adapters against {@code config}, with a connection pool of their own; the curl transport and the
     * browser get a few variables of this process's environment.
     */
    public static HttpAdapters create(HttpConfig config) {
        return create(config, processEnvironment());
    }

    /**
     * Like {@link #create(HttpConfig)}, with curl's and the browser's few variables ({@code PATH}, {@code HOME},
     * the language; never a secret) picked from {@code environment} instead of this process's.
     */
    public static HttpAdapters create(HttpConfig config, Map<String, String> environment) {
        return create(config, environment, FallbackListener.NONE);
    }

    /**
     * The adapters against {@code config}; with fallback on ({@link HttpConfig#withFallback}), {@code listener}
     * hears which transport got through t3.chat's checkpoint when the configured one did not.
     */
    public static HttpAdapters create(HttpConfig config, FallbackListener listener) {
        return create(config, processEnvironment(), listener);
    }

    /** Like {@link #create(HttpConfig, FallbackListener)}, with curl's and the browser's few variables from {@code environment}. */
    public static HttpAdapters create(HttpConfig config, Map<String, String> environment, FallbackListener listener) {
        return create(config, new Programs(environment, Path.of("").toAbsolutePath()), listener, null);
    }

    /**
     * The adapters against {@code config}, with curl and the browser found and run as {@code programs} says
     * (a process that serves many runs, as t3's warm process does, passes each run's); over a pool of
     * {@code pools} when given, whose {@code java}-transport connections outlive these adapters, else a pool
     * of their own.
     */
    public static HttpAdapters create(HttpConfig config, Programs programs, FallbackListener listener,
            ConnectionPools pools) {
        return new HttpAdapters(requireNonNull(config, "config == null"), requireNonNull(programs, "programs == null"),
                Sleeper.system(), requireNonNull(listener, "listener == null"), pools);
    }

    /** With a sleeper of the test's between retries. */
    static HttpAdapters create(HttpConfig config, Sleeper sleeper) {
        return new HttpAdapters(requireNonNull(config, "config == null"), Programs.current(),
                requireNonNull(sleeper, "sleeper == null"), FallbackListener.NONE, null);
    }

    /**
     * The environment of this process: the default for a library user, who runs in the process that
     * configured it. The {@code t3} command never takes it from here: it hands over the environment of its run.
     */
    static Map<String, String> processEnvironment() {
        return System.getenv();
    }

    /** Sets every port these adapters implement, and marks the ports as sending credentials to t3.chat. */
    @Override
    public void contributeTo(DrivenPorts.Builder ports) {
        ports.chat(chat)
                .renewSession(session)
                .initializeSession(session)
                .fetchImage(images)
                .customerData(account)
                .account(account)
                .modelInsights(account)
                .modelCatalog(catalog)
                .credentialsRequired();
    }

    /** The chat transport ({@code POST /api/chat}). */
    public StreamChatPort chat() {
        return chat;
    }

    /** Opens the session ({@code GET /}). */
    public InitializeSessionPort sessionInitializer() {
        return session;
    }

    /** Rotates the {@code wos-session} cookie ({@code auth.getActiveSessions}). */
    public RenewSessionPort sessionRenewal() {
        return session;
    }

    /** Downloads images without the t3.chat cookie. */
    public FetchImagePort imageFetcher() {
        return images;
    }

    /** Credits and usage ({@code getCustomerData} over tRPC). */
    public LoadCustomerDataPort customerData() {
        return account;
    }

    /** Subscription, pricing products and active sessions over tRPC. */
    public LoadAccountPort account() {
        return account;
    }

    /** Model statuses and benchmarks over tRPC. */
    public LoadModelInsightsPort modelInsights() {
        return account;
    }

    /** The model catalogue scraped from the site's JavaScript, and the bundled list. */
    public LoadModelCatalogPort modelCatalog() {
        return catalog;
    }

    /** Shuts the connection pool down; open streams break. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "HttpAdapters[" + config.baseUrl() + "]";
    }

    /**
     * One mapper for every set of adapters in this JVM: thread-safe once made, and it keeps what it learnt of
     * the answer classes between clients (the warm process makes a client per run).
     */
    private static final class SharedMapper {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** The reply limits of {@code config} as the chat stream holds them. */
    static StreamLimits streamLimits(HttpConfig.ReplyLimits limits) {
        return new StreamLimits(limits.idleTimeout(), limits.totalTimeout(), limits.maxReplyBytes(),
                limits.maxLineBytes());
    }

    /**
     * Where the programs the adapters start (the {@code curl} of the curl transport, the browser) run: the environment
     * they take their few variables from, whose {@code PATH} finds them, and the folder they start in, against
     * which a relative program path or {@code PATH} entry is resolved. A program of its own passes
     * {@link #current()}; a process that serves many runs (t3's warm process) passes each run's.
     */
    public record Programs(Map<String, String> variables, Path workingDirectory) {

        public Programs {
            variables = Map.copyOf(requireNonNull(variables, "variables == null"));
            requireNonNull(workingDirectory, "workingDirectory == null");
            if (!workingDirectory.isAbsolute()) {
                throw new IllegalArgumentException("workingDirectory must be absolute, got " + workingDirectory);
            }
        }

        /** This process's own environment and working folder. */
        public static Programs current() {
            return new Programs(processEnvironment(), Path.of("").toAbsolutePath());
        }

        @Override
        public String toString() {
            // The variables may hold secrets (COOKIES): only their count is shown.
            return "Programs[" + variables.size() + " variables, " + workingDirectory + "]";
        }
    }

    /**
     * Connection pools that outlive the adapters using them, for a process that makes a client per run and
     * serves many runs (t3's warm process): {@link HttpAdapters} made over them take their connections from
     * here, so a run finds the previous run's connection to t3.chat open (no TCP or TLS set-up before its
     * first byte). One pool per proxy and trusted certificates of the {@code java} transport, never per
     * credentials: the pools keep no cookies, and every request carries its own run's session. The curl
     * transport starts a process per request and pools nothing. Closing the adapters gives their pool back
     * (aborting their unfinished responses); {@link #closeIdle()} closes pools unused for a while. Thread-safe.
     */
    public static final class ConnectionPools implements AutoCloseable {

        private final SharedEngines engines;

        private ConnectionPools(SharedEngines engines) {
            this.engines = engines;
        }

        /** At most {@code maxPools} pools, each closed by {@link #closeIdle()} once unused for {@code keepIdle}. */
        public static ConnectionPools create(int maxPools, Duration keepIdle) {
            return new ConnectionPools(SharedEngines.create(maxPools, requireNonNull(keepIdle, "keepIdle == null")));
        }

        HttpEngine lease(EngineOptions options) {
            return engines.lease(options);
        }

        /** Closes the pools unused for the idle time; returns how many are kept. */
        public int closeIdle() {
            return engines.closeIdle();
        }

        /** How many pools are kept. */
        public int size() {
            return engines.size();
        }

        /** Closes every pool and its connections. */
        @Override
        public void close() {
            engines.close();
        }

        @Override
        public String toString() {
            return "ConnectionPools[" + engines.size() + "]";
        }
    }
}
