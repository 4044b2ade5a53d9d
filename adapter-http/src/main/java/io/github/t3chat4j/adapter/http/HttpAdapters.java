package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.internal.wiring.OpenedHttpAdapters;
import io.github.t3chat4j.adapter.http.internal.RetryPolicy;
import io.github.t3chat4j.adapter.http.internal.Sleeper;
import io.github.t3chat4j.adapter.http.internal.chat.StreamLimits;
import io.github.t3chat4j.adapter.http.internal.engine.EngineOptions;
import io.github.t3chat4j.adapter.http.internal.engine.Engines;
import io.github.t3chat4j.adapter.http.internal.engine.HttpEngine;
import io.github.t3chat4j.adapter.http.internal.engine.ProxyEndpoint;
import io.github.t3chat4j.adapter.http.internal.engine.ProxyRules;
import io.github.t3chat4j.adapter.http.internal.engine.Timeouts;
import io.github.t3chat4j.adapter.http.internal.probe.HttpConnectionProbeAdapter;
import io.github.t3chat4j.application.DrivenAdapters;
import io.github.t3chat4j.application.port.out.ProbeConnectionPort;
import java.util.List;
import java.util.Map;

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

    private final HttpConfig config;
    private final Map<String, String> environment;
    private final Sleeper sleeper;

    private HttpAdapters(HttpConfig config, Map<String, String> environment, Sleeper sleeper) {
        this.config = config;
        this.environment = environment;
        this.sleeper = sleeper;
    }

    /**
     * The adapters against {@code config}; the curl transport gets a few variables of this process's
     * environment.
     *
     * @param config where t3.chat is, and how to reach it
     * @return the adapters, not opened
     */
    public static HttpAdapters create(HttpConfig config) {
        return create(config, processEnvironment());
    }

    /**
     * Like {@link #create(HttpConfig)}, with curl's few variables ({@code PATH}, {@code HOME}, the language;
     * never a secret) picked from {@code environment} instead of this process's: a program that runs on
     * behalf of another (a warm daemon, the {@code t3} command) hands over that one's.
     *
     * @param config where t3.chat is, and how to reach it
     * @param environment the environment curl's variables are picked from
     * @return the adapters, not opened
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

    /** @return the settings these adapters open with */
    public HttpConfig config() {
        return config;
    }

    /**
     * Opens a set of adapters for one client: an engine of the configured transport (with its proxy and
     * trust settings) and the adapters over it.
     *
     * @return the opened set; the client closes it (and its connection pool) with itself
     * @throws io.github.t3chat4j.application.error.InvalidInputException when the settings cannot work with
     *     the transport (a SOCKS proxy for the JVM's client, curl missing, an unreadable certificate file)
     */
    @Override
    public DrivenAdapters open() {
        return opened(config, environment, sleeper);
    }

    /** An opened set over {@code config}, for this module's tests and the probe. */
    static OpenedHttpAdapters opened(HttpConfig config, Sleeper sleeper) {
        return opened(config, processEnvironment(), sleeper);
    }

    private static OpenedHttpAdapters opened(HttpConfig config, Map<String, String> environment, Sleeper sleeper) {
        return new OpenedHttpAdapters(config.baseUrl(), config.userAgent(), engine(config, environment),
                new Timeouts(config.connectTimeout(), config.firstByteTimeout()),
                RetryPolicy.of(config.maxRetries(), config.maxBackoff()), sleeper, streamLimits(config),
                config.maxImageBytes());
    }

    /** Marks the adapters as sending credentials to t3.chat: a client over them needs real ones. */
    @Override
    public boolean sendsCredentials() {
        return true;
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
     *
     * @param config where t3.chat is, and how to reach it
     * @return the probe; the caller closes it
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
                new Timeouts(config.connectTimeout(), config.firstByteTimeout()), proxyRules(config.proxy()),
                config.trustedCertificates(), List.of(first.label(), first.other().label()),
                name -> engine(config.withTransport(HttpConfig.Transport.parse(name)), environment));
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
}
