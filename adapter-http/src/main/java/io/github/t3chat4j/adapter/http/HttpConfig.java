package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.Remedy;
import io.github.t3chat4j.domain.stream.Reply;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of the HTTP adapters: where t3.chat is, the User-Agent, the deadlines (to connect, for an
 * answer to begin, between two events of a reply, for a whole reply), the sizes (of a reply, of one of
 * its lines, of an image), the retries, the transport (and its browser, and whether another one is tried
 * when t3.chat's checkpoint turns it away), the proxy, the certificates to trust, and what the site's own
 * client sends beside the protocol.
 * Immutable: start from {@link #defaults()} (or {@link #defaults(URI)}, {@link #fromEnvironment(Map)})
 * and change with the {@code with…} methods, which return copies; a new setting is a new method, never a
 * broken caller. A value that cannot work (a base URL that is not {@code http(s)}, a timeout that is
 * not positive) is refused with an {@link InvalidInputException}; a missing one with a
 * {@link NullPointerException}. A reply that breaks a deadline ends with what arrived kept, as a
 * {@code TransportException}; one that breaks a size as an {@code UnexpectedResponseException}.
 */
public final class HttpConfig {

    /** {@code https://t3.chat}. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://t3.chat");
    /** {@code curl}, looked up on the {@code PATH}. */
    public static final String DEFAULT_CURL = "curl";
    /** A current desktop Chrome's. */
    public static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

    private final URI baseUrl;
    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration firstByteTimeout;
    private final Duration idleTimeout;
    private final Duration totalTimeout;
    private final long maxReplyBytes;
    private final int maxLineBytes;
    private final int maxRetries;
    private final Duration maxBackoff;
    private final long maxImageBytes;
    private final Transport transport;
    private final String curl;
    private final Proxy proxy;
    private final Path trustedCertificates;
    private final Browser browser;
    private final boolean fallback;
    private final BrowserSignals signals;

    /** The values of a configuration, copied and changed by the {@code with…} methods. */
    private static final class Values implements Cloneable {
        URI baseUrl;
        String userAgent;
        Duration connectTimeout;
        Duration firstByteTimeout;
        Duration idleTimeout;
        Duration totalTimeout;
        long maxReplyBytes;
        int maxLineBytes;
        int maxRetries;
        Duration maxBackoff;
        long maxImageBytes;
        Transport transport;
        String curl;
        Proxy proxy;
        Path trustedCertificates;
        Browser browser;
        boolean fallback;
        BrowserSignals signals;

        Values copy() {
            try {
                return (Values) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private HttpConfig(Values v) {
        URI baseUrl = v.baseUrl;
        String userAgent = v.userAgent;
        Duration connectTimeout = v.connectTimeout;
        Duration firstByteTimeout = v.firstByteTimeout;
        Duration idleTimeout = v.idleTimeout;
        Duration totalTimeout = v.totalTimeout;
        long maxReplyBytes = v.maxReplyBytes;
        int maxLineBytes = v.maxLineBytes;
        int maxRetries = v.maxRetries;
        Duration maxBackoff = v.maxBackoff;
        long maxImageBytes = v.maxImageBytes;
        Transport transport = v.transport;
        String curl = v.curl;
        Proxy proxy = v.proxy;
        Path trustedCertificates = v.trustedCertificates;
        requireNonNull(baseUrl, "baseUrl == null");
        requireNonNull(userAgent, "userAgent == null");
        requireNonNull(transport, "transport == null");
        requireNonNull(curl, "curl == null");
        requireNonNull(proxy, "proxy == null");
        if (curl.isBlank() || curl.chars().anyMatch(c -> c < ' ' || c == 127)) {
            throw new InvalidInputException("The curl command must be a path or a program name on one line.");
        }
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < ' ' || c == 127)) {
            throw new InvalidInputException("The User-Agent must be one line of text.");
        }
        this.baseUrl = checkedBaseUrl(baseUrl);
        this.userAgent = userAgent;
        this.connectTimeout = positive(connectTimeout, "connect timeout");
        this.firstByteTimeout = positive(firstByteTimeout, "first-byte timeout");
        this.idleTimeout = positive(idleTimeout, "idle timeout");
        this.totalTimeout = positive(totalTimeout, "total timeout");
        if (maxReplyBytes <= 0 || maxLineBytes <= 0) {
            throw new InvalidInputException("The reply and line size limits must be positive.");
        }
        if (maxReplyBytes > Reply.MAX_BYTES) {
            throw new InvalidInputException("maxReplyBytes can be at most 1GiB (" + Reply.MAX_BYTES + " bytes): a reply"
                    + " must fit in memory, and load again once saved.", Remedy.MAX_REPLY_SIZE);
        }
        this.maxReplyBytes = maxReplyBytes;
        this.maxLineBytes = maxLineBytes;
        if (maxRetries < 0) {
            throw new InvalidInputException("The number of retries cannot be negative.");
        }
        this.maxRetries = maxRetries;
        if (requireNonNull(maxBackoff, "maxBackoff == null").isNegative()) {
            throw new InvalidInputException("The longest wait between retries cannot be negative.");
        }
        this.maxBackoff = maxBackoff;
        if (maxImageBytes <= 0) {
            throw new InvalidInputException("The image size limit must be positive.");
        }
        this.maxImageBytes = maxImageBytes;
        this.transport = transport;
        this.curl = curl;
        this.proxy = proxy;
        this.trustedCertificates = trustedCertificates;
        this.browser = requireNonNull(v.browser, "browser == null");
        this.fallback = v.fallback;
        this.signals = requireNonNull(v.signals, "signals == null");
    }

    private Values values() {
        Values v = new Values();
        v.baseUrl = baseUrl;
        v.userAgent = userAgent;
        v.connectTimeout = connectTimeout;
        v.firstByteTimeout = firstByteTimeout;
        v.idleTimeout = idleTimeout;
        v.totalTimeout = totalTimeout;
        v.maxReplyBytes = maxReplyBytes;
        v.maxLineBytes = maxLineBytes;
        v.maxRetries = maxRetries;
        v.maxBackoff = maxBackoff;
        v.maxImageBytes = maxImageBytes;
        v.transport = transport;
        v.curl = curl;
        v.proxy = proxy;
        v.trustedCertificates = trustedCertificates;
        v.browser = browser;
        v.fallback = fallback;
        v.signals = signals;
        return v;
    }

    /** A copy with {@code change} made, checked like any other. */
    private HttpConfig with(java.util.function.Consumer<Values> change) {
        Values v = values().copy();
        change.accept(v);
        return new HttpConfig(v);
    }



    /**
     * Defaults against {@code baseUrl}: 10 s to connect, 60 s for an answer to begin and between two
     * events, 15 minutes for a whole reply, 64 MiB replies (16 MiB lines) and images, 2 retries at most 30 s
     * apart, the JVM's HTTP client, the JVM's proxy settings ({@code https.proxyHost} and the rest), the
     * default trust.
     *
     * @param baseUrl where t3.chat is ({@code https://t3.chat}; a loopback URL in tests)
     * @return the settings
     */
    public static HttpConfig defaults(URI baseUrl) {
        Values v = new Values();
        v.baseUrl = baseUrl;
        v.userAgent = DEFAULT_USER_AGENT;
        v.connectTimeout = Duration.ofSeconds(10);
        v.firstByteTimeout = Duration.ofSeconds(60);
        v.idleTimeout = Duration.ofSeconds(60);
        v.totalTimeout = Duration.ofMinutes(15);
        v.maxReplyBytes = 64L * 1024 * 1024;
        v.maxLineBytes = 16 * 1024 * 1024;
        v.maxRetries = 2;
        v.maxBackoff = Duration.ofSeconds(30);
        v.maxImageBytes = 64L * 1024 * 1024;
        v.transport = Transport.JAVA;
        v.curl = DEFAULT_CURL;
        v.proxy = Proxy.jvm();
        v.browser = Browser.DEFAULTS;
        v.fallback = false;
        v.signals = BrowserSignals.DEFAULTS;
        return new HttpConfig(v);
    }

    /**
     * Defaults against {@code https://t3.chat}.
     *
     * @return the settings
     */
    public static HttpConfig defaults() {
        return defaults(DEFAULT_BASE_URL);
    }

    /**
     * The settings the variables of {@code env} name, the defaults for the rest: {@code T3_BASE_URL},
     * {@code T3_USER_AGENT}, {@code T3_TRANSPORT} ({@code java}, {@code curl} or {@code browser}), {@code T3_CURL}, and the
     * proxy: {@code T3_PROXY} ({@code none} for none), else {@link Proxy#fromEnvironment(Map)}
     * ({@code HTTPS_PROXY} and the rest, with {@code NO_PROXY}).
     *
     * @param env the variables (the process environment, or a map of one's own)
     * @return the settings
     * @throws InvalidInputException naming the variable whose value cannot work (never quoting a proxy URL)
     */
    public static HttpConfig fromEnvironment(Map<String, String> env) {
        requireNonNull(env, "env == null");
        HttpConfig config = defaults(variable(env, "T3_BASE_URL").map(url -> {
            try {
                return new URI(url);
            } catch (URISyntaxException e) {
                throw new InvalidInputException("T3_BASE_URL is not a URL such as https://t3.chat.");
            }
        }).orElse(DEFAULT_BASE_URL));
        config = variable(env, "T3_USER_AGENT").map(config::withUserAgent).orElse(config);
        config = variable(env, "T3_TRANSPORT").map(Transport::parse).map(config::withTransport).orElse(config);
        config = variable(env, "T3_CURL").map(config::withCurl).orElse(config);
        String noProxy = variable(env, "no_proxy").or(() -> variable(env, "NO_PROXY")).orElse("");
        Proxy proxy = variable(env, "T3_PROXY").map(url -> url.equalsIgnoreCase("none") ? Proxy.none()
                : Proxy.of(url, noProxy)).orElseGet(() -> Proxy.fromEnvironment(env));
        return config.withProxy(proxy);
    }

    private static Optional<String> variable(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** @return where t3.chat is */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @return the User-Agent sent */
    public String userAgent() {
        return userAgent;
    }

    /** @return how long to wait for a connection */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return how long to wait for an answer to begin, and the longest a socket may then stay silent */
    public Duration firstByteTimeout() {
        return firstByteTimeout;
    }

    /** @return the longest a reply may go without an event */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return the longest a whole reply may take */
    public Duration totalTimeout() {
        return totalTimeout;
    }

    /** @return the largest reply body read */
    public long maxReplyBytes() {
        return maxReplyBytes;
    }

    /** @return the longest line of a reply read */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** @return how often a refusal before a reply began is retried */
    public int maxRetries() {
        return maxRetries;
    }

    /** @return the longest wait between retries */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return the largest image download accepted */
    public long maxImageBytes() {
        return maxImageBytes;
    }

    /** @return what sends the requests */
    public Transport transport() {
        return transport;
    }

    /** @return the curl program of the curl transport */
    public String curl() {
        return curl;
    }

    /** @return which proxy the requests take */
    public Proxy proxy() {
        return proxy;
    }

    /** @return the PEM file of the certificates trusted instead of the default ones, if one was given */
    public Optional<Path> trustedCertificates() {
        return Optional.ofNullable(trustedCertificates);
    }

    /** @return which browser {@link Transport#BROWSER} runs */
    public Browser browser() {
        return browser;
    }

    /**
     * @return whether a transport that t3.chat's edge checkpoint turns away hands over to the next one
     *     installed here ({@code java}, then a curl-impersonate build on the {@code PATH}, then a browser)
     */
    public boolean fallback() {
        return fallback;
    }

    /** @return what the site's own client sends beside the protocol's fields */
    public BrowserSignals signals() {
        return signals;
    }

    /**
     * @param value the User-Agent to send; browser-like by default, because the site may reject others
     * @return a copy with this value
     * @throws InvalidInputException when the value cannot work
     */
    public HttpConfig withUserAgent(String value) {
        return with(v -> v.userAgent = value);
    }

    /**
     * @param value how long to wait for a connection (10 s)
     * @return a copy with this value
     * @throws InvalidInputException when the value cannot work
     */
    public HttpConfig withConnectTimeout(Duration value) {
        return with(v -> v.connectTimeout = value);
    }

    /**
     * @param value how long to wait for an answer to begin, and the longest a socket may then stay silent (60 s)
     * @return a copy with this value
     * @throws InvalidInputException when the value cannot work
     */
    public HttpConfig withFirstByteTimeout(Duration value) {
        return with(v -> v.firstByteTimeout = value);
    }

    /**
     * @param value the longest a reply may go without an event, once it began (60 s); keep-alive comments are not events
     * @return a copy with this value
     * @throws InvalidInputException when the value cannot work
     */
    public HttpConfig withIdleTimeout(Duration value) {
        return with(v -> v.idleTimeout = value);
    }

    /**
     * @param value the longest a whole reply may take (15 minutes); {@code ChatOptions.withTimeout} sets it for one send
     * @return a copy with this value
     * @throws InvalidInputException when the value cannot work
     */
    public HttpConfig withTotalTimeout(Duration value) {
        return with(v -> v.totalTimeout = value);
    }

    /**
     * @param value the largest reply body read (64 MiB)
     * @return a copy with this value
     * @throws InvalidInputException when the value cannot work
     */
    public HttpConfig withMaxReplyBytes(long value) {
        return with(v -> v.maxReplyBytes = value);
    }

    /**
     * @param value the longest line (one event) of a reply read (16 MiB); memory stays bounded by it
     * @return a copy with this value
     * @throws InvalidInputException when the value cannot work
     */
    public HttpConfig withMaxLineBytes(int value) {
        return with(v -> v.maxLineBytes = value);
    }

    /**
     * @param value how often a 429, 502, 503 or 504, or a request never sent, is retried before a reply begins (2); {@code ChatOptions.withRetries} sets it for one send
     * @return a copy with this value
     * @throws InvalidInputException when the value cannot work
     */
    public HttpConfig withMaxRetries(int value) {
        return with(v -> v.maxRetries = value);
    }

    /**
     * @param value the longest wait between retries, whatever {@code Retry-After} says (30 s)
     * @return a copy with this value
     * @throws InvalidInputException when the value cannot work
     */
    public HttpConfig withMaxBackoff(Duration value) {
        return with(v -> v.maxBackoff = value);
    }

    /**
     * @param value the largest image download accepted (64 MiB)
     * @return a copy with this value
     * @throws InvalidInputException when the value cannot work
     */
    public HttpConfig withMaxImageBytes(long value) {
        return with(v -> v.maxImageBytes = value);
    }

    /**
     * @param value what sends the requests: the JVM's HTTP client (HTTP/2 where offered) or the {@code curl} binary
     * @return a copy with this value
     * @throws InvalidInputException when the value cannot work
     */
    public HttpConfig withTransport(Transport value) {
        return with(v -> v.transport = value);
    }

    /**
     * @param value the {@code curl} to run with {@link Transport#CURL}: a path, or a name looked up on the {@code PATH} (a browser-imitating build such as curl-impersonate's {@code curl_chrome131} takes the same arguments)
     * @return a copy with this value
     * @throws InvalidInputException when the value cannot work
     */
    public HttpConfig withCurl(String value) {
        return with(v -> v.curl = value);
    }

    /**
     * @param value which proxy every request takes (the JVM's settings by default)
     * @return a copy with this value
     * @throws InvalidInputException when the value cannot work
     */
    public HttpConfig withProxy(Proxy value) {
        return with(v -> v.proxy = value);
    }

    /**
     * @param value a PEM file of the certificates to trust instead of the default ones (a corporate proxy's
     *     CA, a test server's own certificate)
     * @return a copy trusting only those
     */
    public HttpConfig withTrustedCertificates(Path value) {
        return with(v -> v.trustedCertificates = requireNonNull(value, "value == null"));
    }

    /**
     * @param value the browser of {@link Transport#BROWSER} ({@link Browser#DEFAULTS}: the first installed)
     * @return a copy with this value
     */
    public HttpConfig withBrowser(Browser value) {
        return with(v -> v.browser = requireNonNull(value, "value == null"));
    }

    /**
     * @param value whether a transport that t3.chat's checkpoint turns away hands over to the next one
     *     installed here (off by default, so that an embedding program never starts a browser unasked);
     *     {@code HttpAdapters.create(config, listener)} hears which one got through
     * @return a copy with this value
     */
    public HttpConfig withFallback(boolean value) {
        return with(v -> v.fallback = value);
    }

    /**
     * @param value what to send in place of what the site's own client sends ({@link BrowserSignals#DEFAULTS})
     * @return a copy with this value
     */
    public HttpConfig withSignals(BrowserSignals value) {
        return with(v -> v.signals = requireNonNull(value, "value == null"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpConfig o && o.baseUrl.equals(baseUrl) && o.userAgent.equals(userAgent)
                && o.connectTimeout.equals(connectTimeout) && o.firstByteTimeout.equals(firstByteTimeout)
                && o.idleTimeout.equals(idleTimeout) && o.totalTimeout.equals(totalTimeout)
                && o.maxReplyBytes == maxReplyBytes && o.maxLineBytes == maxLineBytes && o.maxRetries == maxRetries
                && o.maxBackoff.equals(maxBackoff) && o.maxImageBytes == maxImageBytes
                && o.transport.equals(transport) && o.curl.equals(curl) && o.proxy.equals(proxy)
                && Objects.equals(o.trustedCertificates, trustedCertificates) && o.browser.equals(browser)
                && o.fallback == fallback && o.signals.equals(signals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, userAgent, connectTimeout, firstByteTimeout, idleTimeout, totalTimeout,
                maxReplyBytes, maxLineBytes, maxRetries, maxBackoff, maxImageBytes, transport, curl, proxy,
                trustedCertificates, browser, fallback, signals);
    }

    /** Where, how and through which proxy; never a proxy's credentials. */
    @Override
    public String toString() {
        return "HttpConfig[" + baseUrl + ", " + transport.label() + ", " + proxy + "]";
    }

    /** The base URL without a trailing slash, or an exception naming what is wrong (never the whole URL). */
    private static URI checkedBaseUrl(URI baseUrl) {
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new InvalidInputException("The base URL must be an http(s) URL with a host, such as"
                    + " https://t3.chat.");
        }
        if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new InvalidInputException("The base URL must not hold a user name, a query or a fragment;"
                    + " use one such as https://t3.chat.");
        }
        String text = baseUrl.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUrl;
    }

    private static Duration positive(Duration value, String what) {
        if (requireNonNull(value, what + " == null").isNegative() || value.isZero()) {
            throw new InvalidInputException("The " + what + " must be positive.");
        }
        return value;
    }

    /** What sends the requests. */
    public enum Transport {
        /** Apache HttpClient 5 in this JVM: HTTP/2 over TLS where the server offers it (ALPN), else HTTP/1.1. */
        JAVA("java"),
        /** The {@code curl} binary, one process per request, fed through standard input. */
        CURL("curl"),
        /**
         * A Chromium-family browser of the user's, headless with a private profile, driven over the DevTools
         * protocol: requests run inside the t3.chat page, with a browser's fingerprint.
         */
        BROWSER("browser");

        private final String label;

        Transport(String label) {
            this.label = label;
        }

        /** @return how a user names it: {@code java}, {@code curl} or {@code browser} */
        public String label() {
            return label;
        }

        /**
         * The transport a user named ({@code java}, {@code curl} or {@code browser}, any case).
         *
         * @param name the name
         * @return the transport
         * @throws InvalidInputException for any other name
         */
        public static Transport parse(String name) {
            requireNonNull(name, "name == null");
            return Arrays.stream(values()).filter(t -> t.label.equalsIgnoreCase(name.strip())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("Unknown transport '" + name.strip()
                            + "': use java, curl or browser."));
        }
    }

    /**
     * Which proxy the requests go through: none, the JVM's settings ({@code https.proxyHost},
     * {@code http.proxyHost}, {@code http.nonProxyHosts}, {@code java.net.useSystemProxies}), or explicit
     * rules such as those of the {@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code ALL_PROXY} and
     * {@code NO_PROXY} variables. A proxy URL may carry a user and password for Basic authentication
     * ({@code http://user:password@proxy:3128}); they are secrets, and {@link #toString()} never shows them.
     */
    public static final class Proxy {

        private static final Set<String> SCHEMES = Set.of("http", "https", "socks4", "socks4a",
                "socks5", "socks5h");

        private final Kind kind;
        private final URI forHttps;
        private final URI forHttp;
        private final List<String> noProxy;

        /** How the proxy is chosen. */
        enum Kind { NONE, JVM, RULES }

        private Proxy(Kind kind, URI forHttps, URI forHttp, List<String> noProxy) {
            this.kind = kind;
            this.forHttps = forHttps;
            this.forHttp = forHttp;
            this.noProxy = List.copyOf(noProxy);
        }

        /** Every request goes straight to its host. */
        public static Proxy none() {
            return new Proxy(Kind.NONE, null, null, List.of());
        }

        /** The JVM's proxy settings, as an embedding program set them (no proxy unless it did). */
        public static Proxy jvm() {
            return new Proxy(Kind.JVM, null, null, List.of());
        }

        /**
         * Every request through {@code url} ({@code http://[user:password@]host[:port]}; a URL without a
         * scheme means {@code http://}), except to the hosts of {@code noProxy} (a {@code NO_PROXY} list).
         *
         * @throws InvalidInputException when {@code url} is not a proxy URL (the message never quotes it)
         */
        public static Proxy of(String url, String noProxy) {
            URI proxy = parse(requireNonNull(url, "url == null"), "the proxy");
            return new Proxy(Kind.RULES, proxy, proxy, splitNoProxy(noProxy));
        }

        /** Every request through {@code url}; see {@link #of(String, String)}. */
        public static Proxy of(String url) {
            return of(url, "");
        }

        /**
         * The proxy the variables of {@code env} name, as curl reads them: {@code https_proxy} or
         * {@code HTTPS_PROXY} for https, {@code http_proxy} or {@code HTTP_PROXY} for http, else
         * {@code all_proxy} or {@code ALL_PROXY}; {@code no_proxy} or {@code NO_PROXY} for exceptions (lower
         * case first). With none of them set, the JVM's settings.
         *
         * @throws InvalidInputException when a variable holds no proxy URL (naming the variable, not its value)
         */
        public static Proxy fromEnvironment(Map<String, String> env) {
            requireNonNull(env, "env == null");
            String all = firstSet(env, "all_proxy", "ALL_PROXY");
            String https = firstSet(env, "https_proxy", "HTTPS_PROXY");
            String http = firstSet(env, "http_proxy", "HTTP_PROXY");
            if (all == null && https == null && http == null) {
                return jvm();
            }
            URI allProxy = all == null ? null : parse(all, "ALL_PROXY");
            URI httpsProxy = https == null ? allProxy : parse(https, "HTTPS_PROXY");
            URI httpProxy = http == null ? allProxy : parse(http, "HTTP_PROXY");
            String noProxy = firstSet(env, "no_proxy", "NO_PROXY");
            return new Proxy(Kind.RULES, httpsProxy, httpProxy, splitNoProxy(noProxy == null ? "" : noProxy));
        }

        Kind kind() {
            return kind;
        }

        /** The proxy for https requests, with its credentials; empty for none. */
        Optional<URI> forHttps() {
            return Optional.ofNullable(forHttps);
        }

        /** The proxy for http requests, with its credentials; empty for none. */
        Optional<URI> forHttp() {
            return Optional.ofNullable(forHttp);
        }

        /** The hosts (and domains) reached without a proxy; {@code *} for all. */
        List<String> noProxy() {
            return noProxy;
        }

        private static String firstSet(Map<String, String> env, String... names) {
            for (String name : names) {
                String value = env.get(name);
                if (value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
            return null;
        }

        private static List<String> splitNoProxy(String list) {
            return Arrays.stream(requireNonNull(list, "noProxy == null").split("[,\\s]+")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }

        private static URI parse(String url, String what) {
            String text = url.strip();
            if (!text.contains("://")) {
                text = "http://" + text;
            }
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new InvalidInputException("The value of " + what + " is not a proxy URL such as"
                        + " http://proxy.example:3128.");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme) || uri.getHost() == null) {
                throw new InvalidInputException("The value of " + what + " is not a proxy URL such as"
                        + " http://proxy.example:3128 (schemes: http, https, socks4, socks4a, socks5, socks5h).");
            }
            String path = uri.getRawPath();
            if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
                throw new InvalidInputException("The value of " + what + " must be a proxy address without a path,"
                        + " such as http://proxy.example:3128.");
            }
            return uri;
        }

        private static String describe(URI proxy) {
            if (proxy == null) {
                return "direct";
            }
            return proxy.getScheme() + "://" + proxy.getHost() + (proxy.getPort() < 0 ? "" : ":" + proxy.getPort())
                    + (proxy.getRawUserInfo() == null ? "" : " (with credentials)");
        }

        /** Where requests go, without credentials. */
        @Override
        public String toString() {
            return switch (kind) {
                case NONE -> "Proxy[none]";
                case JVM -> "Proxy[the JVM's settings]";
                case RULES -> "Proxy[https=" + describe(forHttps) + ", http=" + describe(forHttp)
                        + (noProxy.isEmpty() ? "" : ", noProxy=" + noProxy) + "]";
            };
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Proxy p && p.kind == kind && Objects.equals(p.forHttps, forHttps)
                    && Objects.equals(p.forHttp, forHttp) && p.noProxy.equals(noProxy);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, forHttps, forHttp, noProxy);
        }
    }

    /**
     * The browser of {@link Transport#BROWSER}: a browser by the name {@code chrome}, {@code chromium},
     * {@code edge} or {@code brave}, or the path of its program (by default the first of them installed
     * here), and Chromium's host mapping ({@code MAP t3.chat 127.0.0.1:8443}) to reach a test server under
     * the site's real name. Immutable.
     */
    public static final class Browser {

        /** The first browser installed; real name resolution. */
        public static final Browser DEFAULTS = new Browser(Optional.empty(), "");

        private final Optional<String> program;
        private final String hostResolverRules;

        private Browser(Optional<String> program, String hostResolverRules) {
            requireNonNull(program, "program == null");
            requireNonNull(hostResolverRules, "hostResolverRules == null");
            if (program.filter(p -> p.isBlank() || p.chars().anyMatch(c -> c < ' ' || c == 127)).isPresent()
                    || hostResolverRules.chars().anyMatch(c -> c < ' ' || c == 127)) {
                throw new InvalidInputException("The browser and its host rules must be one line of text each.");
            }
            this.program = program;
            this.hostResolverRules = hostResolverRules;
        }

        /** @return the browser's name or program; empty for the first installed */
        public Optional<String> program() {
            return program;
        }

        /** @return Chromium's host mapping; empty for none */
        public String hostResolverRules() {
            return hostResolverRules;
        }

        /**
         * @param value a browser's name ({@code chrome}, {@code chromium}, {@code edge}, {@code brave}) or the
         *     path of its program
         * @return a copy with this value
         */
        public Browser withProgram(String value) {
            return new Browser(Optional.of(requireNonNull(value, "value == null").strip()), hostResolverRules);
        }

        /**
         * @param value Chromium's host mapping, such as {@code MAP t3.chat 127.0.0.1:8443}
         * @return a copy with this value
         */
        public Browser withHostResolverRules(String value) {
            return new Browser(program, value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Browser b && b.program.equals(program) && b.hostResolverRules.equals(hostResolverRules);
        }

        @Override
        public int hashCode() {
            return Objects.hash(program, hostResolverRules);
        }

        @Override
        public String toString() {
            return "Browser[" + program.orElse("the first installed")
                    + (hostResolverRules.isEmpty() ? "" : ", " + hostResolverRules) + "]";
        }
    }

    /**
     * What t3.chat's own web client sends beside the fields of PROTOCOL.md sections 3 and 5, as section 9
     * lists it: an {@code x-client-context} header, an {@code x-deployment-id} header (the deployment the
     * session's {@code __vdpl} cookie pins, unless given here), fresh {@code b3} and {@code traceparent}
     * trace headers on every request, and the {@code hcaptchaToken} of a chat request. None of them is
     * logged. Immutable: start from {@link #DEFAULTS}.
     */
    public static final class BrowserSignals {

        /**
         * The {@code x-client-context} t3.chat's web client was seen sending in 2026: base64 of
         * {@code {"client":{"version":"1.12.4"}}}.
         */
        public static final String DEFAULT_CLIENT_CONTEXT = "eyJjbGllbnQiOnsidmVyc2lvbiI6IjEuMTIuNCJ9fQ==";

        /** The site client's context, the cookie's deployment, no captcha token, trace headers on. */
        public static final BrowserSignals DEFAULTS = new BrowserSignals(DEFAULT_CLIENT_CONTEXT, Optional.empty(), "",
                true);

        private final String clientContext;
        private final Optional<String> deploymentId;
        private final String hcaptchaToken;
        private final boolean traceHeaders;

        private BrowserSignals(String clientContext, Optional<String> deploymentId, String hcaptchaToken,
                boolean traceHeaders) {
            requireNonNull(clientContext, "clientContext == null");
            requireNonNull(deploymentId, "deploymentId == null");
            requireNonNull(hcaptchaToken, "hcaptchaToken == null");
            if (clientContext.chars().anyMatch(c -> c < ' ' || c == 127)
                    || deploymentId.filter(d -> d.chars().anyMatch(c -> c < ' ' || c == 127)).isPresent()) {
                throw new InvalidInputException("The client context and deployment id must be one line of text.");
            }
            this.clientContext = clientContext;
            this.deploymentId = deploymentId;
            this.hcaptchaToken = hcaptchaToken;
            this.traceHeaders = traceHeaders;
        }

        /** @return the value of {@code x-client-context}; empty to send none */
        public String clientContext() {
            return clientContext;
        }

        /** @return the value of {@code x-deployment-id}; empty to send the {@code __vdpl} cookie's, if any */
        public Optional<String> deploymentId() {
            return deploymentId;
        }

        /** @return the {@code hcaptchaToken} of a chat request (empty, as the site sends without a captcha) */
        public String hcaptchaToken() {
            return hcaptchaToken;
        }

        /** @return whether {@code b3} and {@code traceparent} are sent */
        public boolean traceHeaders() {
            return traceHeaders;
        }

        /**
         * @param value the value of {@code x-client-context}; empty to send none
         * @return a copy with this value
         */
        public BrowserSignals withClientContext(String value) {
            return new BrowserSignals(value, deploymentId, hcaptchaToken, traceHeaders);
        }

        /**
         * @param value the value of {@code x-deployment-id}
         * @return a copy with this value
         */
        public BrowserSignals withDeploymentId(String value) {
            return new BrowserSignals(clientContext, Optional.of(value), hcaptchaToken, traceHeaders);
        }

        /**
         * @param value the {@code hcaptchaToken} of a chat request
         * @return a copy with this value
         */
        public BrowserSignals withHcaptchaToken(String value) {
            return new BrowserSignals(clientContext, deploymentId, value, traceHeaders);
        }

        /**
         * @param value whether to send {@code b3} and {@code traceparent}
         * @return a copy with this value
         */
        public BrowserSignals withTraceHeaders(boolean value) {
            return new BrowserSignals(clientContext, deploymentId, hcaptchaToken, value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BrowserSignals s && s.clientContext.equals(clientContext)
                    && s.deploymentId.equals(deploymentId) && s.hcaptchaToken.equals(hcaptchaToken)
                    && s.traceHeaders == traceHeaders;
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientContext, deploymentId, hcaptchaToken, traceHeaders);
        }

        /** Whether each is set; never the values. */
        @Override
        public String toString() {
            return "BrowserSignals[clientContext " + (clientContext.isEmpty() ? "none" : "set")
                    + ", deploymentId " + (deploymentId.isPresent() ? "set" : "from the cookie")
                    + ", hcaptchaToken " + (hcaptchaToken.isEmpty() ? "none" : "set") + ", traceHeaders "
                    + traceHeaders + "]";
        }
    }
}
