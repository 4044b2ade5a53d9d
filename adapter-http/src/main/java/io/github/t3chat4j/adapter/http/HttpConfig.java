package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
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
 * Settings of the HTTP adapters. A value that cannot work (a base URL that is not {@code http(s)}, a
 * timeout that is not positive) is refused with an {@link InvalidInputException}; a missing one with a
 * {@link NullPointerException}.
 *
 * @param baseUrl where t3.chat is ({@code https://t3.chat}; a loopback URL in tests and the demo)
 * @param userAgent the User-Agent to send; browser-like by default, because the site may reject others
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the answer to begin (its first byte), and the longest a socket
 *     may then stay silent
 * @param maxRetries how often a 429/502/503/504 or an unsent request is retried before a reply begins
 * @param maxBackoff the longest wait between retries, whatever {@code Retry-After} says
 * @param maxImageBytes the largest image download accepted
 * @param transport what sends the requests: the JVM's HTTP client (HTTP/2 where the server offers it) or
 *     the {@code curl} binary
 * @param curl the {@code curl} to run with {@link Transport#CURL}: a path, or a name looked up on the
 *     {@code PATH} (a browser-impersonating build such as curl-impersonate's {@code curl_chrome131} takes
 *     the same arguments)
 * @param proxy which proxy to use, for every transport
 * @param trustedCertificates a PEM file of the certificates to trust instead of the default ones (a
 *     corporate proxy's CA, a test server's own certificate); empty for the JVM's or curl's defaults
 * @param replyLimits how long a reply may go without an event and take in all, and how large it and each
 *     of its lines may grow
 * @param browser which browser {@link Transport#BROWSER} runs
 * @param fallback whether a transport that t3.chat's edge checkpoint turns away hands over to the next one
 *     installed here ({@code java}, then a curl-impersonate build on the {@code PATH}, then a browser); off by
 *     default, so that an embedding program never starts a browser unasked
 * @param signals what the site's own client sends beside the protocol's fields (PROTOCOL.md section 9)
 */
public record HttpConfig(
        URI baseUrl,
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration maxBackoff,
        long maxImageBytes,
        Transport transport,
        String curl,
        Proxy proxy,
        Optional<Path> trustedCertificates,
        ReplyLimits replyLimits,
        Browser browser,
        boolean fallback,
        BrowserSignals signals) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://t3.chat");
    public static final String DEFAULT_CURL = "curl";
    public static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

    public HttpConfig {
        requireNonNull(baseUrl, "baseUrl == null");
        requireNonNull(transport, "transport == null");
        requireNonNull(curl, "curl == null");
        requireNonNull(proxy, "proxy == null");
        requireNonNull(trustedCertificates, "trustedCertificates == null");
        requireNonNull(replyLimits, "replyLimits == null");
        requireNonNull(browser, "browser == null");
        requireNonNull(signals, "signals == null");
        if (curl.isBlank() || curl.chars().anyMatch(c -> c < ' ' || c == 127)) {
            throw new InvalidInputException("The curl command must be a path or a program name on one line.");
        }
        requireNonNull(userAgent, "userAgent == null");
        requireNonNull(connectTimeout, "connectTimeout == null");
        requireNonNull(readTimeout, "readTimeout == null");
        requireNonNull(maxBackoff, "maxBackoff == null");
        baseUrl = checkedBaseUrl(baseUrl);
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < ' ' || c == 127)) {
            throw new InvalidInputException("The User-Agent must be one line of text.");
        }
        positive(connectTimeout, "connect timeout");
        positive(readTimeout, "read timeout");
        if (maxBackoff.isNegative()) {
            throw new InvalidInputException("The longest wait between retries cannot be negative.");
        }
        if (maxRetries < 0) {
            throw new InvalidInputException("The number of retries cannot be negative.");
        }
        if (maxImageBytes <= 0) {
            throw new InvalidInputException("The image size limit must be positive.");
        }
    }

    /**
     * The settings as before transports and proxies could be chosen: the JVM's client, the JVM's proxy
     * settings, the default trust.
     */
    public HttpConfig(URI baseUrl, String userAgent, Duration connectTimeout, Duration readTimeout, int maxRetries,
            Duration maxBackoff, long maxImageBytes) {
        this(baseUrl, userAgent, connectTimeout, readTimeout, maxRetries, maxBackoff, maxImageBytes, Transport.JAVA,
                DEFAULT_CURL, Proxy.jvm(), Optional.empty(), ReplyLimits.DEFAULTS, Browser.DEFAULTS, false,
                BrowserSignals.DEFAULTS);
    }

    /**
     * Defaults against {@code baseUrl}: 10 s to connect, 60 s for the answer to begin, the
     * {@link ReplyLimits#DEFAULTS}, 2 retries, at most 30 s apart,
     * 64 MiB images, the JVM's HTTP client, the JVM's proxy settings ({@code https.proxyHost} and the rest).
     */
    public static HttpConfig defaults(URI baseUrl) {
        return new HttpConfig(baseUrl, DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(60), 2,
                Duration.ofSeconds(30), 64L * 1024 * 1024);
    }

    /** Defaults against {@code https://t3.chat}. */
    public static HttpConfig defaults() {
        return defaults(DEFAULT_BASE_URL);
    }

    public HttpConfig withUserAgent(String value) {
        return new HttpConfig(baseUrl, value, connectTimeout, readTimeout, maxRetries, maxBackoff, maxImageBytes,
                transport, curl, proxy, trustedCertificates, replyLimits, browser, fallback, signals);
    }

    public HttpConfig withMaxRetries(int value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, readTimeout, value, maxBackoff, maxImageBytes,
                transport, curl, proxy, trustedCertificates, replyLimits, browser, fallback, signals);
    }

    public HttpConfig withReadTimeout(Duration value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, value, maxRetries, maxBackoff, maxImageBytes,
                transport, curl, proxy, trustedCertificates, replyLimits, browser, fallback, signals);
    }

    public HttpConfig withConnectTimeout(Duration value) {
        return new HttpConfig(baseUrl, userAgent, value, readTimeout, maxRetries, maxBackoff, maxImageBytes,
                transport, curl, proxy, trustedCertificates, replyLimits, browser, fallback, signals);
    }

    public HttpConfig withMaxImageBytes(long value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, readTimeout, maxRetries, maxBackoff, value,
                transport, curl, proxy, trustedCertificates, replyLimits, browser, fallback, signals);
    }

    /** With requests sent by {@code value}. */
    public HttpConfig withTransport(Transport value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, readTimeout, maxRetries, maxBackoff, maxImageBytes,
                value, curl, proxy, trustedCertificates, replyLimits, browser, fallback, signals);
    }

    /** With {@code value} as the {@code curl} to run (a path or a name on the {@code PATH}). */
    public HttpConfig withCurl(String value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, readTimeout, maxRetries, maxBackoff, maxImageBytes,
                transport, value, proxy, trustedCertificates, replyLimits, browser, fallback, signals);
    }

    public HttpConfig withProxy(Proxy value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, readTimeout, maxRetries, maxBackoff, maxImageBytes,
                transport, curl, value, trustedCertificates, replyLimits, browser, fallback, signals);
    }

    /** With these deadlines and sizes for replies. */
    public HttpConfig withReplyLimits(ReplyLimits value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, readTimeout, maxRetries, maxBackoff, maxImageBytes,
                transport, curl, proxy, trustedCertificates, requireNonNull(value, "value == null"), browser, fallback, signals);
    }

    /** With {@code value} as the browser of {@link Transport#BROWSER}. */
    public HttpConfig withBrowser(Browser value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, readTimeout, maxRetries, maxBackoff, maxImageBytes,
                transport, curl, proxy, trustedCertificates, replyLimits, requireNonNull(value, "value == null"),
                fallback, signals);
    }

    /**
     * With (or without) fallback: a transport that t3.chat's checkpoint turns away hands over to the next
     * one installed here, and {@code listener} hears once which one got through.
     */
    public HttpConfig withFallback(boolean value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, readTimeout, maxRetries, maxBackoff, maxImageBytes,
                transport, curl, proxy, trustedCertificates, replyLimits, browser, value, signals);
    }

    /** With these values in place of what the site's own client sends. */
    public HttpConfig withSignals(BrowserSignals value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, readTimeout, maxRetries, maxBackoff, maxImageBytes,
                transport, curl, proxy, trustedCertificates, replyLimits, browser, fallback,
                requireNonNull(value, "value == null"));
    }

    /** Trusting only the certificates in the PEM file {@code value} (a corporate CA, a test server's). */
    public HttpConfig withTrustedCertificates(Path value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, readTimeout, maxRetries, maxBackoff, maxImageBytes,
                transport, curl, proxy, Optional.of(requireNonNull(value, "value == null")), replyLimits, browser, fallback, signals);
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

    private static void positive(Duration value, String what) {
        if (value.isNegative() || value.isZero()) {
            throw new InvalidInputException("The " + what + " must be positive.");
        }
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

        /** How a user names it: {@code java}, {@code curl} or {@code browser}. */
        public String label() {
            return label;
        }

        /**
         * The transport a user named ({@code java}, {@code curl} or {@code browser}, any case).
         *
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
     * The browser of {@link Transport#BROWSER}.
     *
     * @param program a browser by the name {@code t3 login --from-browser} takes ({@code chrome},
     *     {@code chromium}, {@code edge}, {@code brave}) or the path of its program; empty for the first of
     *     Chrome, Chromium, Edge and Brave installed here
     * @param hostResolverRules Chromium's host mapping ({@code MAP t3.chat 127.0.0.1:8443}), to reach a test
     *     server under the site's real name; empty for none
     */
    public record Browser(Optional<String> program, String hostResolverRules) {

        /** The first browser installed; real name resolution. */
        public static final Browser DEFAULTS = new Browser(Optional.empty(), "");

        public Browser {
            requireNonNull(program, "program == null");
            requireNonNull(hostResolverRules, "hostResolverRules == null");
            if (program.filter(p -> p.isBlank() || p.chars().anyMatch(c -> c < ' ' || c == 127)).isPresent()
                    || hostResolverRules.chars().anyMatch(c -> c < ' ' || c == 127)) {
                throw new InvalidInputException("The browser and its host rules must be one line of text each.");
            }
        }

        /** The browser named {@code value} (or found at that path). */
        public Browser withProgram(String value) {
            return new Browser(Optional.of(requireNonNull(value, "value == null").strip()), hostResolverRules);
        }

        public Browser withHostResolverRules(String value) {
            return new Browser(program, value);
        }
    }

    /**
     * What t3.chat's own web client sends beside the fields of PROTOCOL.md sections 3 and 5, as section 9
     * lists it: an {@code x-client-context} header, an {@code x-deployment-id} header (the deployment the
     * session's {@code __vdpl} cookie pins, unless given here), fresh {@code b3} and {@code traceparent}
     * trace headers on every request, and the {@code hcaptchaToken} of a chat request. None of them is logged.
     *
     * @param clientContext the value of {@code x-client-context}; empty to send none
     * @param deploymentId the value of {@code x-deployment-id}; empty to send the {@code __vdpl} cookie's, if any
     * @param hcaptchaToken the {@code hcaptchaToken} of a chat request (empty, as the site sends without a captcha)
     * @param traceHeaders whether to send {@code b3} and {@code traceparent}
     */
    public record BrowserSignals(String clientContext, Optional<String> deploymentId, String hcaptchaToken,
            boolean traceHeaders) {

        /**
         * The {@code x-client-context} t3.chat's web client was seen sending in 2026: base64 of
         * {@code {"client":{"version":"1.12.4"}}}.
         */
        public static final String DEFAULT_CLIENT_CONTEXT = "eyJjbGllbnQiOnsidmVyc2lvbiI6IjEuMTIuNCJ9fQ==";

        /** The site client's context, the cookie's deployment, no captcha token, trace headers on. */
        public static final BrowserSignals DEFAULTS = new BrowserSignals(DEFAULT_CLIENT_CONTEXT, Optional.empty(), "",
                true);

        public BrowserSignals {
            requireNonNull(clientContext, "clientContext == null");
            requireNonNull(deploymentId, "deploymentId == null");
            requireNonNull(hcaptchaToken, "hcaptchaToken == null");
            if (clientContext.chars().anyMatch(c -> c < ' ' || c == 127)
                    || deploymentId.filter(d -> d.chars().anyMatch(c -> c < ' ' || c == 127)).isPresent()) {
                throw new InvalidInputException("The client context and deployment id must be one line of text.");
            }
        }

        public BrowserSignals withClientContext(String value) {
            return new BrowserSignals(value, deploymentId, hcaptchaToken, traceHeaders);
        }

        public BrowserSignals withDeploymentId(String value) {
            return new BrowserSignals(clientContext, Optional.of(value), hcaptchaToken, traceHeaders);
        }

        public BrowserSignals withHcaptchaToken(String value) {
            return new BrowserSignals(clientContext, deploymentId, value, traceHeaders);
        }

        public BrowserSignals withTraceHeaders(boolean value) {
            return new BrowserSignals(clientContext, deploymentId, hcaptchaToken, value);
        }

        @Override
        public String toString() {
            return "BrowserSignals[clientContext " + (clientContext.isEmpty() ? "none" : "set")
                    + ", deploymentId " + (deploymentId.isPresent() ? "set" : "from the cookie")
                    + ", hcaptchaToken " + (hcaptchaToken.isEmpty() ? "none" : "set") + ", traceHeaders "
                    + traceHeaders + "]";
        }
    }

    /**
     * Deadlines and sizes of a reply stream, after its answer began. A reply that breaks one ends as an
     * error with what arrived kept: with a {@code TransportException} for a deadline, with an
     * {@code UnexpectedResponseException} for a size. Comments and keep-alives the server sends are not
     * progress: only events count.
     *
     * @param idleTimeout the longest wait for the next event
     * @param totalTimeout the longest a whole reply may take
     * @param maxReplyBytes the largest reply body read, at most {@link Reply#MAX_BYTES}
     * @param maxLineBytes the longest line (one event) read; memory stays bounded by it
     */
    public record ReplyLimits(Duration idleTimeout, Duration totalTimeout, long maxReplyBytes, int maxLineBytes) {

        /** 60 s between events, 15 minutes in all, 64 MiB per reply, 16 MiB per line. */
        public static final ReplyLimits DEFAULTS = new ReplyLimits(Duration.ofSeconds(60), Duration.ofMinutes(15),
                64L * 1024 * 1024, 16 * 1024 * 1024);

        public ReplyLimits {
            requireNonNull(idleTimeout, "idleTimeout == null");
            requireNonNull(totalTimeout, "totalTimeout == null");
            positive(idleTimeout, "idle timeout");
            positive(totalTimeout, "total timeout");
            if (maxReplyBytes <= 0 || maxLineBytes <= 0) {
                throw new InvalidInputException("The reply and line size limits must be positive.");
            }
            if (maxReplyBytes > Reply.MAX_BYTES) {
                throw new InvalidInputException("The largest reply can be at most 1GiB (" + Reply.MAX_BYTES + " bytes):"
                        + " a reply must fit in memory, and load again once saved (--max-reply-size,"
                        + " T3_MAX_REPLY_SIZE).");
            }
        }

        public ReplyLimits withIdleTimeout(Duration value) {
            return new ReplyLimits(value, totalTimeout, maxReplyBytes, maxLineBytes);
        }

        public ReplyLimits withTotalTimeout(Duration value) {
            return new ReplyLimits(idleTimeout, value, maxReplyBytes, maxLineBytes);
        }

        public ReplyLimits withMaxReplyBytes(long value) {
            return new ReplyLimits(idleTimeout, totalTimeout, value, maxLineBytes);
        }

        public ReplyLimits withMaxLineBytes(int value) {
            return new ReplyLimits(idleTimeout, totalTimeout, maxReplyBytes, value);
        }
    }
}
