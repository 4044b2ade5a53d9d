package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.internal.RetryPolicy;
import io.github.t3chat4j.adapter.http.internal.SiteRequests;
import io.github.t3chat4j.adapter.http.internal.SiteSignals;
import io.github.t3chat4j.adapter.http.internal.Sleeper;
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
import io.github.t3chat4j.adapter.http.internal.wiring.OpenedHttpAdapters;
import io.github.t3chat4j.application.DrivenAdapters;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.port.out.ProbeConnectionPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The HTTP adapters of t3chat4j, ready to hand to a client builder:
 *
 * <pre>{@code
 * T3Client client = T3Client.builder().cookies(cookies).adapters(HttpAdapters.create(HttpConfig.defaults())).build();
 * }</pre>
 *
 * This holds only its {@link HttpConfig}: each client built over it opens its own set of adapters (one
 * connection pool, the chat transport, session renewal, account reads over tRPC, the model catalogue,
 * image downloads) and closes it when the client is closed. So one {@code HttpAdapters} (a Guice
 * singleton, say) serves any number of clients, and closing one never breaks another. Creating it does
 * no I/O and opens nothing; thread-safe.
 */
public final class HttpAdapters implements DrivenAdapters {

    /** How the doctor names a curl-impersonate build that is not there. */
    static final String IMPERSONATING_CURL = "curl-impersonate";

    private final HttpConfig config;
    private final Programs programs;
    private final Sleeper sleeper;
    private final FallbackListener listener;
    private final ConnectionPools pools;

    private HttpAdapters(HttpConfig config, Programs programs, Sleeper sleeper, FallbackListener listener,
            ConnectionPools pools) {
        this.config = config;
        this.programs = programs;
        this.sleeper = sleeper;
        this.listener = listener;
        this.pools = pools;
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
     * The adapters against {@code config}; curl and the browser get a few variables of this process's
     * environment.
     *
     * @param config where t3.chat is, and how to reach it
     * @return the adapters, not opened
     */
    public static HttpAdapters create(HttpConfig config) {
        return create(config, processEnvironment());
    }

    /**
     * Like {@link #create(HttpConfig)}, with curl's and the browser's few variables ({@code PATH},
     * {@code HOME}, the language; never a secret) picked from {@code environment} instead of this process's:
     * a program that runs on behalf of another (a warm daemon, the {@code t3} command) hands over that one's.
     *
     * @param config where t3.chat is, and how to reach it
     * @param environment the environment those variables are picked from
     * @return the adapters, not opened
     */
    public static HttpAdapters create(HttpConfig config, Map<String, String> environment) {
        return create(config, environment, FallbackListener.NONE);
    }

    /**
     * The adapters against {@code config}; with fallback on ({@link HttpConfig#withFallback}),
     * {@code listener} hears which transport got through t3.chat's checkpoint when the configured one did not.
     *
     * @param config where t3.chat is, and how to reach it
     * @param listener hears a fallback that got through
     * @return the adapters, not opened
     */
    public static HttpAdapters create(HttpConfig config, FallbackListener listener) {
        return create(config, processEnvironment(), listener);
    }

    /**
     * Like {@link #create(HttpConfig, FallbackListener)}, with curl's and the browser's few variables from
     * {@code environment}.
     *
     * @param config where t3.chat is, and how to reach it
     * @param environment the environment those variables are picked from
     * @param listener hears a fallback that got through
     * @return the adapters, not opened
     */
    public static HttpAdapters create(HttpConfig config, Map<String, String> environment, FallbackListener listener) {
        return create(config, new Programs(environment, Path.of("").toAbsolutePath()), listener, null);
    }

    /**
     * The adapters against {@code config}, with curl and the browser found and run as {@code programs} says
     * (a process that serves many runs, as t3's warm process does, passes each run's); the {@code java}
     * transport's connections taken from {@code pools} when given (they outlive the clients opened over
     * these adapters), else from a pool each client opens and closes.
     *
     * @param config where t3.chat is, and how to reach it
     * @param programs where curl and the browser are found and run, and the variables they get
     * @param listener hears a fallback that got through
     * @param pools connection pools that outlive the clients, or null
     * @return the adapters, not opened
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

    /** @return the settings these adapters open with */
    public HttpConfig config() {
        return config;
    }

    /**
     * Opens a set of adapters for one client: an engine of the configured transport (with its proxy and
     * trust settings; with fallback on, then the others this machine has) and the adapters over it.
     *
     * @return the opened set; the client closes it (and its connection pool) with itself
     * @throws io.github.t3chat4j.application.error.InvalidInputException when the settings cannot work with
     *     the transport (a SOCKS proxy for the JVM's client, curl missing, an unreadable certificate file)
     */
    @Override
    public DrivenAdapters open() {
        return opened(config, programs, sleeper, listener, pools);
    }

    /** An opened set over {@code config}, for this module's tests. */
    static OpenedHttpAdapters opened(HttpConfig config, Sleeper sleeper) {
        return opened(config, Programs.current(), sleeper, FallbackListener.NONE, null);
    }

    private static OpenedHttpAdapters opened(HttpConfig config, Programs programs, Sleeper sleeper,
            FallbackListener listener, ConnectionPools pools) {
        Map<String, String> environment = programs.variables();
        return new OpenedHttpAdapters(new SiteRequests(config.baseUrl(), signals(config.signals())),
                config.userAgent(), engine(config, programs, listener, pools),
                new Timeouts(config.connectTimeout(), config.firstByteTimeout()),
                RetryPolicy.of(config.maxRetries(), config.maxBackoff()), sleeper,
                () -> names(Transports.available(engineOptions(config), environment)), streamLimits(config),
                config.maxImageBytes());
    }

    /** Marks the adapters as sending credentials to t3.chat: a client over them needs real ones. */
    @Override
    public boolean sendsCredentials() {
        return true;
    }

    /**
     * The engine of {@code config}'s transport, with its proxy and trust settings; with fallback on, that
     * transport first and then the others this machine has.
     *
     * @param programs where curl and the browser are found and run (they get a few of its variables, never a
     *     proxy's)
     * @param pools connection pools that outlive the engine, for the {@code java} transport; or null
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
     *
     * @param config where t3.chat is, and how to reach it
     * @return the probe; the caller closes it
     */
    public static ProbeConnectionPort connectionProbe(HttpConfig config) {
        return connectionProbe(config, processEnvironment());
    }

    /**
     * Like {@link #connectionProbe(HttpConfig)}, with curl's and the browser's few variables ({@code PATH},
     * {@code HOME}, the language; never a secret) picked from {@code environment} instead of this process's:
     * a program that runs on behalf of another (a warm daemon, the {@code t3} command) hands over that one's.
     *
     * @param config where t3.chat is, and how to reach it
     * @param environment the environment those variables are picked from
     * @return the probe; the caller closes it
     */
    public static ProbeConnectionPort connectionProbe(HttpConfig config, Map<String, String> environment) {
        return connectionProbe(config, new Programs(environment, Path.of("").toAbsolutePath()));
    }

    /**
     * Like {@link #connectionProbe(HttpConfig)}, with curl and the browser found and run as {@code programs}
     * says.
     *
     * @param config where t3.chat is, and how to reach it
     * @param programs where curl and the browser are found and run, and the variables they get
     * @return the probe; the caller closes it
     */
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
                new Timeouts(config.connectTimeout(), config.firstByteTimeout()), proxyRules(config.proxy()),
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
     *
     * @param config the settings (the browser named, the curl)
     * @param environment where {@code PATH} is read
     * @return the transports' names
     */
    public static List<String> availableTransports(HttpConfig config, Map<String, String> environment) {
        return names(Transports.available(engineOptions(requireNonNull(config, "config == null")),
                requireNonNull(environment, "environment == null")));
    }

    @Override
    public String toString() {
        return "HttpAdapters[" + config.baseUrl() + "]";
    }

    /** The reply limits of {@code config} as the chat stream holds them. */
    static StreamLimits streamLimits(HttpConfig config) {
        return new StreamLimits(config.idleTimeout(), config.totalTimeout(), config.maxReplyBytes(),
                config.maxLineBytes());
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
