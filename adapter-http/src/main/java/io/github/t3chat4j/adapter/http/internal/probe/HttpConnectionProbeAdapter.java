package io.github.t3chat4j.adapter.http.internal.probe;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.HttpPipeline;
import io.github.t3chat4j.adapter.http.internal.HttpSessionAdapter;
import io.github.t3chat4j.adapter.http.internal.OpenResponse;
import io.github.t3chat4j.adapter.http.internal.RealHttpPipeline;
import io.github.t3chat4j.adapter.http.internal.RetryPolicy;
import io.github.t3chat4j.adapter.http.internal.SiteRequests;
import io.github.t3chat4j.adapter.http.internal.Sleeper;
import io.github.t3chat4j.adapter.http.internal.chat.HttpChatAdapter;
import io.github.t3chat4j.adapter.http.internal.engine.HttpEngine;
import io.github.t3chat4j.adapter.http.internal.engine.ProxyEndpoint;
import io.github.t3chat4j.adapter.http.internal.engine.ProxyRules;
import io.github.t3chat4j.adapter.http.internal.engine.Timeouts;
import io.github.t3chat4j.adapter.http.internal.engine.TlsSettings;
import io.github.t3chat4j.adapter.http.internal.trpc.TrpcAccountAdapter;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.application.ChatRequest;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.application.port.out.ProbeConnectionPort;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The {@link ProbeConnectionPort} over the adapter's own pipeline: one pipeline per transport (made on
 * first use, without retries), the requests of {@link SiteRequests}, and the JVM's resolver and TLS for
 * the checks below HTTP. Messages name hosts and proxies, never credentials. Not thread-safe.
 */
public final class HttpConnectionProbeAdapter implements ProbeConnectionPort {

    private static final String CHAT_PROMPT = "Reply with the single word OK.";

    private final URI baseUrl;
    private final SiteRequests site;
    private final String userAgent;
    private final Timeouts timeouts;
    private final ProxyRules proxies;
    private final Optional<java.nio.file.Path> trustedCertificates;
    private final List<String> transports;
    private final Function<String, HttpEngine> engines;
    private final Map<String, Probes> opened = new LinkedHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param transports the transport names, the configured one first
     * @param engines makes the engine of a transport name
     */
    public HttpConnectionProbeAdapter(SiteRequests site, String userAgent, Timeouts timeouts, ProxyRules proxies,
            Optional<java.nio.file.Path> trustedCertificates, List<String> transports,
            Function<String, HttpEngine> engines) {
        this.site = requireNonNull(site, "site == null");
        this.baseUrl = site.baseUrl();
        this.userAgent = requireNonNull(userAgent, "userAgent == null");
        this.timeouts = requireNonNull(timeouts, "timeouts == null");
        this.proxies = requireNonNull(proxies, "proxies == null");
        this.trustedCertificates = requireNonNull(trustedCertificates, "trustedCertificates == null");
        this.transports = List.copyOf(transports);
        this.engines = requireNonNull(engines, "engines == null");
    }

    @Override
    public List<String> transports() {
        return transports;
    }

    @Override
    public List<NetworkCheck> probeNetwork() {
        List<NetworkCheck> checks = new ArrayList<>();
        Optional<ProxyEndpoint> proxy = proxies.select(baseUrl);
        checks.add(proxyCheck(proxy));
        String host = baseUrl.getHost();
        if (proxy.isPresent()) {
            checks.add(new NetworkCheck("dns", true, host + " is resolved by the proxy"));
            checks.add(new NetworkCheck("tls", true, "negotiated through the proxy; see the requests below"));
            return checks;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
            checks.add(new NetworkCheck("dns", true, host + " is " + Arrays.stream(addresses)
                    .map(InetAddress::getHostAddress).collect(Collectors.joining(", "))));
        } catch (IOException e) {
            checks.add(new NetworkCheck("dns", false, "cannot resolve " + host + " (" + e.getMessage() + ")"));
            checks.add(new NetworkCheck("tls", false, "not tried: the host has no address"));
            return checks;
        }
        checks.add(tlsCheck(addresses[0]));
        return checks;
    }

    private NetworkCheck proxyCheck(Optional<ProxyEndpoint> proxy) {
        if (proxy.isEmpty()) {
            return new NetworkCheck("proxy", true, "none: connecting directly");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(proxy.get().host(), proxy.get().port()),
                    (int) timeouts.connect().toMillis());
            return new NetworkCheck("proxy", true, proxy.get() + " accepts connections");
        } catch (IOException e) {
            return new NetworkCheck("proxy", false, proxy.get() + " does not accept connections ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private NetworkCheck tlsCheck(InetAddress address) {
        int port = baseUrl.getPort() > 0 ? baseUrl.getPort() : baseUrl.getScheme().equals("https") ? 443 : 80;
        if (!baseUrl.getScheme().equals("https")) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), (int) timeouts.connect().toMillis());
                return new NetworkCheck("tls", true, "not used: the base URL is plain http (port " + port
                        + " accepts connections)");
            } catch (IOException e) {
                return new NetworkCheck("tls", false, "no connection to " + address.getHostAddress() + ":" + port
                        + " (" + e.getMessage() + ")");
            }
        }
        try {
            TlsSettings tls = TlsSettings.create(trustedCertificates);
            try (Socket plain = new Socket()) {
                plain.connect(new InetSocketAddress(address, port), (int) timeouts.connect().toMillis());
                plain.setSoTimeout((int) timeouts.connect().toMillis());
                try (SSLSocket socket = (SSLSocket) tls.context().getSocketFactory().createSocket(plain,
                        baseUrl.getHost(), port, false)) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setProtocols(tls.protocols());
                    parameters.setCipherSuites(tls.ciphers());
                    parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    socket.setSSLParameters(parameters);
                    socket.startHandshake();
                    String alpn = socket.getApplicationProtocol();
                    return new NetworkCheck("tls", true, socket.getSession().getProtocol() + ", "
                            + socket.getSession().getCipherSuite() + ", ALPN "
                            + (alpn == null || alpn.isEmpty() ? "none" : alpn));
                }
            }
        } catch (IOException e) {
            return new NetworkCheck("tls", false, "handshake with " + baseUrl.getHost() + ":" + port + " failed ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    @Override
    public SiteAnswer probe(String transport, SiteProbe probe, Session session) {
        requireNonNull(probe, "probe == null");
        requireNonNull(session, "session == null");
        Probes probes = probes(transport);
        return switch (probe) {
            case HOME -> probes.home(session);
            case RENEW_SESSION -> new SiteAnswer(probes.protocol, Optional.empty(),
                    probes.session.renewWosSession(session));
            case TRPC -> {
                probes.account.loadCustomerData(session);
                yield new SiteAnswer(probes.protocol, Optional.empty(), Optional.empty());
            }
            case CHAT -> probes.chat(session);
        };
    }

    private Probes probes(String transport) {
        if (!transports.contains(transport)) {
            throw new IllegalArgumentException("Unknown transport: " + transport);
        }
        Probes probes = opened.get(transport);
        if (probes == null) {
            probes = new Probes(engines.apply(transport));
            opened.put(transport, probes);
        }
        return probes;
    }

    @Override
    public void close() {
        opened.values().forEach(p -> p.engine.close());
        opened.clear();
    }

    @Override
    public String toString() {
        return "HttpConnectionProbeAdapter[" + baseUrl + ", " + transports + "]";
    }

    /** The adapters of one transport, over a pipeline that does not retry. */
    private final class Probes {
        private final HttpEngine engine;
        private final HttpPipeline pipeline;
        private final HttpSessionAdapter session;
        private final TrpcAccountAdapter account;
        private final HttpChatAdapter chat;
        private String protocol = "HTTP";

        Probes(HttpEngine engine) {
            this.engine = engine;
            this.pipeline = new RealHttpPipeline(engine, userAgent, timeouts, RetryPolicy.of(0, Duration.ZERO),
                    Sleeper.system(), Clock.systemUTC());
            this.session = new HttpSessionAdapter(pipeline, site);
            this.account = new TrpcAccountAdapter(pipeline, site, json);
            this.chat = new HttpChatAdapter(pipeline, site, json);
        }

        SiteAnswer home(Session credentials) {
            try (OpenResponse page = pipeline.open(site.home(credentials))) {
                protocol = page.protocol();
                Optional<Instant> date = page.header("Date").flatMap(HttpConnectionProbeAdapter::parseDate);
                page.abort();
                return new SiteAnswer(protocol, date, Optional.empty());
            }
        }

        SiteAnswer chat(Session credentials) {
            ChatRequest request = ChatRequest.of(credentials, ThreadId.random(), List.of(Message.user(CHAT_PROMPT)));
            StringBuilder text = new StringBuilder();
            boolean finished;
            try (ChatStream stream = chat.open(request)) {
                finished = stream.events().peek(event -> {
                    if (event instanceof ChatEvent.TextDelta delta) {
                        text.append(delta.text());
                    } else if (event instanceof ChatEvent.StreamError error) {
                        throw new UnexpectedResponseException("The chat answered with an error: " + error.message(), 0);
                    }
                }).anyMatch(ChatEvent.Finished.class::isInstance);
            }
            if (!finished) {
                throw new UnexpectedResponseException("The chat reply ended without finishing (" + text.length()
                        + " characters arrived).", 0);
            }
            return new SiteAnswer(protocol, Optional.empty(), Optional.empty());
        }
    }

    private static Optional<Instant> parseDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException garbled) {
            return Optional.empty();
        }
    }
}
