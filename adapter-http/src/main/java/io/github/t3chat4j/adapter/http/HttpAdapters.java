package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.HttpImageAdapter;
import io.github.t3chat4j.adapter.http.internal.HttpPipeline;
import io.github.t3chat4j.adapter.http.internal.HttpSessionAdapter;
import io.github.t3chat4j.adapter.http.internal.RealHttpPipeline;
import io.github.t3chat4j.adapter.http.internal.RetryPolicy;
import io.github.t3chat4j.adapter.http.internal.SiteRequests;
import io.github.t3chat4j.adapter.http.internal.Sleeper;
import io.github.t3chat4j.adapter.http.internal.catalog.HttpModelCatalogAdapter;
import io.github.t3chat4j.adapter.http.internal.chat.HttpChatAdapter;
import io.github.t3chat4j.adapter.http.internal.chat.StreamLimits;
import io.github.t3chat4j.adapter.http.internal.engine.EngineOptions;
import io.github.t3chat4j.adapter.http.internal.engine.Engines;
import io.github.t3chat4j.adapter.http.internal.engine.HttpEngine;
import io.github.t3chat4j.adapter.http.internal.engine.ProxyEndpoint;
import io.github.t3chat4j.adapter.http.internal.engine.ProxyRules;
import io.github.t3chat4j.adapter.http.internal.engine.Timeouts;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;

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

    private HttpAdapters(HttpConfig config, Map<String, String> environment, Sleeper sleeper) {
        this.config = config;
        this.engine = engine(config, environment);
        HttpPipeline pipeline = new RealHttpPipeline(engine, config.userAgent(),
                new Timeouts(config.connectTimeout(), config.readTimeout()),
                RetryPolicy.of(config.maxRetries(), config.maxBackoff()), sleeper, Clock.systemUTC());
        SiteRequests site = new SiteRequests(config.baseUrl());
        ObjectMapper mapper = new ObjectMapper();
        this.chat = new HttpChatAdapter(pipeline, site, mapper, streamLimits(config.replyLimits()));
        this.session = new HttpSessionAdapter(pipeline, site);
        this.images = new HttpImageAdapter(pipeline, config.maxImageBytes());
        this.account = new TrpcAccountAdapter(pipeline, site, mapper);
        this.catalog = new HttpModelCatalogAdapter(pipeline, site, mapper);
    }

    /**
     * The engine of {@code config}'s transport, with its proxy and trust settings.
     *
     * @param environment the process environment (curl gets a few of its variables, never a proxy's)
     */
    static HttpEngine engine(HttpConfig config, Map<String, String> environment) {
        return Engines.create(config.transport() == HttpConfig.Transport.CURL ? Engines.Kind.CURL : Engines.Kind.JAVA,
                engineOptions(config), environment);
    }

    static EngineOptions engineOptions(HttpConfig config) {
        EngineOptions options = EngineOptions.defaults().withProxies(proxyRules(config.proxy()))
                .withCurl(config.curl());
        return config.trustedCertificates().map(options::withTrustedCertificates).orElse(options);
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
     * The probe of {@code t3 doctor} against {@code config}: the configured transport first, then the other;
     * each transport's engine is made on first use and closed with the probe. Curl gets a few variables of
     * this process's environment.
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
        requireNonNull(config, "config == null");
        requireNonNull(environment, "environment == null");
        HttpConfig.Transport first = config.transport();
        return new HttpConnectionProbeAdapter(config.baseUrl(), config.userAgent(),
                new Timeouts(config.connectTimeout(), config.readTimeout()), proxyRules(config.proxy()),
                config.trustedCertificates(), List.of(first.label(), first.other().label()),
                name -> engine(config.withTransport(HttpConfig.Transport.parse(name)), environment));
    }

    /**
     * The adapters against {@code config}, with a connection pool of their own; the curl transport gets a
     * few variables of this process's environment.
     */
    public static HttpAdapters create(HttpConfig config) {
        return create(config, processEnvironment());
    }

    /**
     * Like {@link #create(HttpConfig)}, with curl's few variables ({@code PATH}, {@code HOME}, the language;
     * never a secret) picked from {@code environment} instead of this process's.
     */
    public static HttpAdapters create(HttpConfig config, Map<String, String> environment) {
        return create(config, environment, Sleeper.system());
    }

    /** With a sleeper of the test's between retries. */
    static HttpAdapters create(HttpConfig config, Sleeper sleeper) {
        return create(config, processEnvironment(), sleeper);
    }

    private static HttpAdapters create(HttpConfig config, Map<String, String> environment, Sleeper sleeper) {
        return new HttpAdapters(requireNonNull(config, "config == null"),
                Map.copyOf(requireNonNull(environment, "environment == null")),
                requireNonNull(sleeper, "sleeper == null"));
    }

    /**
     * The environment of this process: the default for a library user, who runs in the process that
     * configured it. The {@code t3} command never takes it from here: it hands over the environment of its run.
     */
    private static Map<String, String> processEnvironment() {
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

    /** The reply limits of {@code config} as the chat stream holds them. */
    static StreamLimits streamLimits(HttpConfig.ReplyLimits limits) {
        return new StreamLimits(limits.idleTimeout(), limits.totalTimeout(), limits.maxReplyBytes(),
                limits.maxLineBytes());
    }
}
