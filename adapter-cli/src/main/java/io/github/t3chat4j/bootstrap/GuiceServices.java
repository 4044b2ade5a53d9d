package io.github.t3chat4j.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import io.github.t3chat4j.adapter.browser.BrowserAdapterModule;
import io.github.t3chat4j.adapter.browser.BrowserAdapters;
import io.github.t3chat4j.adapter.browser.BrowserConfig;
import io.github.t3chat4j.adapter.cli.Services;
import io.github.t3chat4j.adapter.cli.CliException;
import io.github.t3chat4j.adapter.cli.ConnectionSettings;
import io.github.t3chat4j.adapter.cli.Deadlines;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.adapter.cli.GatewayOptions;
import io.github.t3chat4j.adapter.cli.NetworkSettings;
import io.github.t3chat4j.adapter.cli.RememberedTransports;
import io.github.t3chat4j.adapter.cli.RunningGateway;
import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.http.HttpAdapterModule;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.adapter.openai.GatewayConfig;
import io.github.t3chat4j.adapter.openai.OpenAiGateway;
import io.github.t3chat4j.adapter.storage.StorageAdapterModule;
import io.github.t3chat4j.adapter.storage.StorageAdapters;
import io.github.t3chat4j.adapter.storage.StorageConfig;
import io.github.t3chat4j.application.ApplicationModule;
import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.adapter.cli.Diagnosis;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.port.out.ProbeConnectionPort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.session.Session;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One profile's services: per connection, one Guice injector of {@link ApplicationModule}, the storage
 * adapters over this profile's folders and the HTTP adapters; the local use cases (settings, stored
 * conversations) straight over the storage adapters, since every command reads its settings first. Which modules a connection gets is decided
 * here: the catalogue cache only for the real site, the cookie write-back only when the credentials came
 * from the config file. The local use cases also read browser profiles. In the demo, each connection
 * starts the bundled fake t3.chat, which closes with the client. {@code t3 serve} gets a connection of
 * its own that keeps no conversation, with the OpenAI-compatible gateway in front of it.
 */
final class GuiceServices implements Services {

    static final String DEMO_COOKIES = "wos-session=demo-session-token; theme=dark";
    static final String DEMO_CONVEX_SESSION_ID = "demo-convex-session";

    private final StorageConfig storage;
    private final BrowserConfig browsers;
    private final boolean demo;
    private final Consumer<String> warnings;
    private final Map<String, String> env;
    private final HttpAdapters.Programs programs;
    private final HttpAdapters.ConnectionPools pools;
    private LocalClient local;

    /**
     * @param programs the run's environment and working folder, where curl is found and started
     * @param pools connection pools kept between runs, or null for a pool per connection
     */
    GuiceServices(StorageConfig storage, BrowserConfig browsers, boolean demo, Consumer<String> warnings,
            HttpAdapters.Programs programs, HttpAdapters.ConnectionPools pools) {
        this.storage = storage;
        this.browsers = browsers;
        this.demo = demo;
        this.warnings = warnings;
        this.env = programs.variables();
        this.programs = programs;
        this.pools = pools;
    }

    /**
     * The HTTP settings of a connection: the User-Agent, the transport (a chosen one alone, else the one
     * remembered for this site or the JVM's client, falling back past t3.chat's checkpoint), curl and the
     * browser, the client context, and the proxy (an explicit one with the environment's {@code NO_PROXY},
     * else the {@code HTTPS_PROXY} family, else the JVM's).
     *
     * @throws InvalidInputException for an unknown transport or a malformed proxy URL (exit code 2)
     */
    HttpConfig httpConfig(URI base, ConnectionSettings connection) {
        HttpConfig http = HttpConfig.defaults(base);
        if (!connection.userAgent().isBlank()) {
            http = http.withUserAgent(connection.userAgent());
        }
        NetworkSettings network = connection.network();
        if (!network.browser().isBlank()) {
            http = http.withBrowser(HttpConfig.Browser.DEFAULTS.withProgram(network.browser()));
        }
        if (network.pinned()) {
            http = http.withTransport(HttpConfig.Transport.parse(network.transport()));
            if (!network.curl().isBlank()) {
                http = http.withCurl(network.curl().strip());
            }
        } else {
            http = startWith(http, network.remembered()).withFallback(true);
        }
        if (!network.clientContext().isBlank()) {
            String context = network.clientContext().strip();
            http = http.withSignals(http.signals().withClientContext(context.equalsIgnoreCase("none") ? ""
                    : context));
        }
        http = withDeadlines(http, network.deadlines());
        String noProxy = env.getOrDefault("no_proxy", env.getOrDefault("NO_PROXY", ""));
        http = http.withProxy(network.proxy().isBlank() ? HttpConfig.Proxy.fromEnvironment(env)
                : network.proxy().strip().equalsIgnoreCase("none") ? HttpConfig.Proxy.none()
                : HttpConfig.Proxy.of(network.proxy(), noProxy));
        return http;
    }

    /** {@code http} starting with the transport remembered for its site, when this machine still has it. */
    private HttpConfig startWith(HttpConfig http, String remembered) {
        if (remembered.isBlank() || !HttpAdapters.availableTransports(http, env).contains(remembered)) {
            return http;
        }
        if (remembered.equals(HttpConfig.Transport.BROWSER.label())) {
            return http.withTransport(HttpConfig.Transport.BROWSER);
        }
        if (remembered.startsWith("curl_")) {
            return http.withTransport(HttpConfig.Transport.CURL).withCurl(remembered);
        }
        return http;
    }

    /**
     * Hears a fallback past t3.chat's checkpoint: says once on standard error which transport got through,
     * and remembers it for the site in the config file, so that later runs start with it.
     */
    private HttpAdapters.FallbackListener remembering(URI base) {
        String site = RememberedTransports.siteOf(base);
        return (turnedAway, through) -> {
            warnings.accept("t3.chat's bot checkpoint turned away the " + String.join(" and ", turnedAway)
                    + " transport" + (turnedAway.size() > 1 ? "s" : "") + "; the " + through + " transport got"
                    + " through, and t3 starts with it for " + site + " from now on (--transport chooses another).");
            try {
                String stored = local().settings().values().getOrDefault(RememberedTransports.KEY, "");
                local().updateSettings(Map.of(RememberedTransports.KEY,
                        Optional.of(RememberedTransports.parse(stored).with(site, through).value())));
            } catch (T3ChatException e) {
                warnings.accept("could not remember it: " + e.getMessage());
            }
        };
    }

    /** {@code http} with the deadlines and size limit the run set; a reply's lines may be as long as it. */
    private static HttpConfig withDeadlines(HttpConfig http, Deadlines deadlines) {
        HttpConfig limited = http;
        if (deadlines.idle().isPresent()) {
            limited = limited.withIdleTimeout(deadlines.idle().get());
        }
        if (deadlines.total().isPresent()) {
            limited = limited.withTotalTimeout(deadlines.total().get());
        }
        if (deadlines.maxReplyBytes().isPresent()) {
            long max = deadlines.maxReplyBytes().get();
            limited = limited.withMaxReplyBytes(max).withMaxLineBytes((int) Math.min(max, limited.maxLineBytes()));
        }
        limited = deadlines.connect().map(limited::withConnectTimeout).orElse(limited);
        return deadlines.firstByte().map(limited::withFirstByteTimeout).orElse(limited);
    }

    @Override
    public Diagnosis diagnose(ConnectionSettings connection, boolean includeChat) {
        try (DemoServer demoServer = demo ? DemoServer.start() : null) {
            URI base = demoServer != null ? demoServer.baseUrl() : connection.baseUrl();
            String cookies = demoServer == null ? connection.cookies() : DEMO_COOKIES;
            String convexSessionId = demoServer == null ? connection.convexSessionId() : DEMO_CONVEX_SESSION_ID;
            SaveSessionPort keep = connection.keepRotatedSession() && demoServer == null
                    ? StorageAdapters.create(storage).sessionWriteBack() : SaveSessionPort.NONE;
            try (ProbeConnectionPort probe = HttpAdapters.connectionProbe(httpConfig(base, connection), programs)) {
                return new ConnectionDoctor(probe, keep, Clock.systemUTC()).diagnose(cookies, convexSessionId,
                        includeChat);
            }
        }
    }

    @Override
    public T3Client connect(ConnectionSettings connection) {
        return connect(connection, List.of());
    }

    @Override
    public RunningGateway serve(ConnectionSettings connection, GatewayOptions options, PrintWriter log) {
        ChatSettings settings = ChatSettings.defaults().withTimezone(connection.settings().timezone())
                .withLocale(connection.settings().locale());
        GatewayConfig config = GatewayConfig.defaults(options.apiKey()).withHost(options.host())
                .withPort(options.port()).withCorsOrigins(options.corsOrigins()).withAllowedHosts(options.allowedHosts())
                .withShutdownGrace(Duration.ofSeconds(options.graceSeconds())).withChatSettings(settings)
                .withAnthropicModels(options.anthropicModels());
        T3Client client = connect(connection, List.of(new KeepNoConversationsModule()));
        try {
            return new GatewayServer(OpenAiGateway.start(client, config, line -> {
                log.println("t3 serve: " + TerminalSafe.text(line));
                log.flush();
            }), client);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private T3Client connect(ConnectionSettings connection, List<Module> extra) {
        DemoServer demoServer = demo ? DemoServer.start() : null;
        try {
            URI base = demoServer != null ? demoServer.baseUrl() : connection.baseUrl();
            HttpConfig http = httpConfig(base, connection);
            // The demo's fake server lives and dies with the client, and so does a connection to it.
            HttpAdapterModule httpModule = new HttpAdapterModule(http, programs,
                    demoServer != null ? HttpAdapters.FallbackListener.NONE : remembering(base),
                    demoServer != null ? null : pools);
            List<Module> modules = new ArrayList<>(List.of(new ApplicationModule(), new StorageAdapterModule(storage),
                    httpModule));
            if (demoServer == null) {
                modules.add(new CatalogCacheModule(base));
            }
            if (connection.keepRotatedSession()) {
                modules.add(new KeepRotatedSessionModule());
            }
            modules.addAll(extra);
            T3Client.Builder builder = Guice.createInjector(modules).getInstance(T3Client.Builder.class);
            if (demoServer == null && !connection.signedIn()) {
                // No credentials: only what the site shows everyone can be read, and no cookie is sent.
                builder.session(Session.anonymous());
            } else {
                builder.cookies(demoServer != null ? DEMO_COOKIES : connection.cookies())
                        .convexSessionId(demoServer != null ? DEMO_CONVEX_SESSION_ID : connection.convexSessionId());
            }
            builder.model(connection.model())
                    .settings(connection.settings())
                    .lowerEffortWhenKeyRequired(connection.lowerEffortWhenKeyRequired())
                    .warnings(warnings);
            if (demoServer != null) {
                builder.closeOnClose(demoServer);
            }
            return builder.build();
        } catch (ProvisionException e) {
            if (demoServer != null) {
                demoServer.close();
            }
            // An adapter that cannot be made (no browser for the browser transport, say) says why itself.
            throw e.getCause() instanceof T3ChatException failure ? failure : e;
        } catch (RuntimeException e) {
            if (demoServer != null) {
                demoServer.close();
            }
            throw e;
        }
    }

    @Override
    public synchronized LocalClient local() {
        // Built once per run (the chat's /conversations and ask --continue ask again and again), and without
        // an injector: reading the settings comes before every connection, and needs none of Guice's start-up.
        if (local == null) {
            local = LocalClient.of(StorageAdapters.create(storage), BrowserAdapters.create(browsers));
        }
        return local;
    }

    @Override
    public Path historyFile() {
        return storage.inputHistoryFile();
    }

    @Override
    public Path privateHistoryFile() {
        return StorageAdapters.create(storage).privateInputHistoryFile();
    }
}
