package io.github.t3chat4j.adapter.openai;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.Remedy;
import io.github.t3chat4j.domain.chat.ChatSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the gateway listens and what it allows. Every request must carry {@code Authorization: Bearer
 * <apiKey>} (or {@code x-api-key: <apiKey>}); a host that is not a loopback address is accepted only with a key of at least
 * {@value #MIN_REMOTE_KEY_LENGTH} characters. Only requests addressed to this machine's names (or those
 * allowed) are answered. Immutable: start from {@link #defaults(String)} and change with the
 * {@code with…} methods. Invalid values are refused with an {@link InvalidInputException};
 * {@link #toString()} never shows the key.
 */
public final class GatewayConfig {

    /** The default address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8787;
    /** How long a connection may take to send a request head: a few seconds, plenty on any network. */
    public static final Duration DEFAULT_HEAD_TIMEOUT = Duration.ofSeconds(5);
    /** The shortest key accepted when the gateway listens on more than loopback. */
    public static final int MIN_REMOTE_KEY_LENGTH = 24;
    /** The names of this machine a client on it uses, always allowed as {@code Host}. */
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");

    private final String host;
    private final int port;
    private final String apiKey;
    private final List<String> corsOrigins;
    private final List<String> allowedHosts;
    private final long maxRequestBytes;
    private final int maxConnections;
    private final Duration headTimeout;
    private final Duration idleTimeout;
    private final Duration shutdownGrace;
    private final ChatSettings chatSettings;
    private final Map<String, String> anthropicModels;

    private GatewayConfig(String host, int port, String apiKey, List<String> corsOrigins, List<String> allowedHosts,
            long maxRequestBytes, int maxConnections, Duration headTimeout, Duration idleTimeout,
            Duration shutdownGrace, ChatSettings chatSettings, Map<String, String> anthropicModels) {
        requireNonNull(host, "host == null");
        requireNonNull(apiKey, "apiKey == null");
        corsOrigins = List.copyOf(requireNonNull(corsOrigins, "corsOrigins == null"));
        allowedHosts = requireNonNull(allowedHosts, "allowedHosts == null").stream().map(GatewayConfig::hostName)
                .toList();
        requireNonNull(headTimeout, "headTimeout == null");
        requireNonNull(idleTimeout, "idleTimeout == null");
        requireNonNull(shutdownGrace, "shutdownGrace == null");
        requireNonNull(chatSettings, "chatSettings == null");
        anthropicModels = Map.copyOf(requireNonNull(anthropicModels, "anthropicModels == null"));
        if (host.isBlank()) {
            throw new InvalidInputException("The gateway's host cannot be blank (for example 127.0.0.1).");
        }
        if (port < 0 || port > 65_535) {
            throw new InvalidInputException("The gateway's port must be between 0 and 65535, got " + port + ".");
        }
        if (apiKey.isEmpty() || !apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInputException("The gateway's API key must be visible ASCII characters without"
                    + " spaces.");
        }
        if (maxRequestBytes < 1 || maxConnections < 1 || idleTimeout.isNegative() || idleTimeout.isZero()
                || headTimeout.isNegative() || headTimeout.isZero() || shutdownGrace.isNegative()) {
            throw new InvalidInputException("The gateway's limits must be positive.");
        }
        for (String name : allowedHosts) {
            if (!name.equals("*") && !name.matches("[a-z0-9]([a-z0-9.:_-]*[a-z0-9])?")) {
                throw new InvalidInputException("An allowed host is a name or address such as myhost.local or"
                        + " 192.168.1.5 (or *), got '" + name + "'.");
            }
        }
        anthropicModels.forEach((from, to) -> {
            if (!AnthropicModelMap.FROM.matcher(from).matches() || !AnthropicModelMap.TO.matcher(to).matches()) {
                throw new InvalidInputException("A model rule is FROM=TO, FROM an Anthropic model id (a prefix ending"
                        + " in *, or * for all) and TO a t3.chat model id, such as claude-opus*=claude-4-opus; got '"
                        + from + "=" + to + "'.");
            }
        });
        for (String origin : corsOrigins) {
            if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
                throw new InvalidInputException("A CORS origin is a scheme and host such as http://localhost:3000"
                        + " (or *), got '" + origin + "'.");
            }
        }
        if (!isLoopback(host) && apiKey.length() < MIN_REMOTE_KEY_LENGTH) {
            throw new InvalidInputException("Listening on " + host + " exposes your t3.chat subscription beyond"
                    + " this machine, and the key has fewer than " + MIN_REMOTE_KEY_LENGTH + " characters.",
                    Remedy.GATEWAY_KEY);
        }
        this.host = host;
        this.port = port;
        this.apiKey = apiKey;
        this.corsOrigins = corsOrigins;
        this.allowedHosts = allowedHosts;
        this.maxRequestBytes = maxRequestBytes;
        this.maxConnections = maxConnections;
        this.headTimeout = headTimeout;
        this.idleTimeout = idleTimeout;
        this.shutdownGrace = shutdownGrace;
        this.chatSettings = chatSettings;
        this.anthropicModels = anthropicModels;
    }

    /**
     * Loopback on the default port, with this key and the defaults for everything else: no CORS origins,
     * no other allowed host names, 8 MiB requests, 128 connections, 5 s for a request head, 5 minutes
     * idle, 10 s grace, {@link ChatSettings#defaults()}, no rules for Anthropic model ids.
     *
     * @param apiKey the key clients present
     * @return the settings
     */
    public static GatewayConfig defaults(String apiKey) {
        return new GatewayConfig(DEFAULT_HOST, DEFAULT_PORT, apiKey, List.of(), List.of(), 8L * 1024 * 1024, 128,
                DEFAULT_HEAD_TIMEOUT, Duration.ofMinutes(5), Duration.ofSeconds(10), ChatSettings.defaults(), Map.of());
    }

    /** @return the address to listen on ({@code 127.0.0.1} by default) */
    public String host() {
        return host;
    }

    /** @return the port, or 0 for a free one */
    public int port() {
        return port;
    }

    /** @return the key clients present: visible ASCII, no spaces */
    public String apiKey() {
        return apiKey;
    }

    /**
     * @return origins (such as {@code http://localhost:3000}, or {@code *}) whose web pages may call the
     *     gateway; none by default
     */
    public List<String> corsOrigins() {
        return corsOrigins;
    }

    /**
     * @return the names clients may address the gateway by (its {@code Host} header) besides
     *     {@code localhost}, {@code 127.0.0.1}, {@code [::1]} and the address listened on (unless a wildcard
     *     such as {@code 0.0.0.0}); {@code *} for any. Any other name is refused, so that a web page whose
     *     name is made to point to this machine (DNS rebinding) cannot use the gateway
     */
    public List<String> allowedHosts() {
        return allowedHosts;
    }

    /** @return the largest request body accepted (413 beyond) */
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /** @return the most connections served at once; more wait to be accepted */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * @return how long a connection may take to send a whole request head, from its opening or from the end
     *     of its previous exchange; it is closed after that (so idle and dribbling connections cannot hold
     *     the gateway)
     */
    public Duration headTimeout() {
        return headTimeout;
    }

    /** @return how long a connection may stay silent while a request is read or an answer written */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * @return how long {@link OpenAiGateway#close()} lets replies in flight finish before it cuts them short
     *     with an error event
     */
    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    /**
     * @return the time zone and locale of every request (their reasoning effort, search and system prompt
     *     come from each request)
     */
    public ChatSettings chatSettings() {
        return chatSettings;
    }

    /**
     * @param value the address to listen on ({@code 127.0.0.1} by default)
     * @return a copy with this value
     * @throws InvalidInputException when it cannot work
     */
    public GatewayConfig withHost(String value) {
        return new GatewayConfig(value, port, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    /**
     * @param value the port, or 0 for a free one
     * @return a copy with this value
     * @throws InvalidInputException when it cannot work
     */
    public GatewayConfig withPort(int value) {
        return new GatewayConfig(host, value, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    /**
     * @param value origins (such as {@code http://localhost:3000}, or {@code *}) whose web pages may call the
     *     gateway
     * @return a copy with this value
     * @throws InvalidInputException when it cannot work
     */
    public GatewayConfig withCorsOrigins(List<String> value) {
        return new GatewayConfig(host, port, apiKey, value, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    /**
     * @param value the names clients may address the gateway by besides the loopback ones (see
     *     {@link #allowedHosts()}); {@code *} for any
     * @return a copy with this value
     * @throws InvalidInputException when a name is not a host name or address
     */
    public GatewayConfig withAllowedHosts(List<String> value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, value, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    /**
     * @param value the largest request body accepted (413 beyond)
     * @return a copy with this value
     * @throws InvalidInputException when it cannot work
     */
    public GatewayConfig withMaxRequestBytes(long value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, allowedHosts, value, maxConnections, headTimeout,
                idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    /**
     * @param value the most connections served at once; more wait to be accepted
     * @return a copy with this value
     * @throws InvalidInputException when it cannot work
     */
    public GatewayConfig withMaxConnections(int value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, allowedHosts, maxRequestBytes, value, headTimeout,
                idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    /**
     * @param value how long a connection may take to send a whole request head
     * @return a copy with this value
     * @throws InvalidInputException when it cannot work
     */
    public GatewayConfig withHeadTimeout(Duration value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                value, idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    /**
     * @param value how long a connection may stay silent while a request is read or an answer written
     * @return a copy with this value
     * @throws InvalidInputException when it cannot work
     */
    public GatewayConfig withIdleTimeout(Duration value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, value, shutdownGrace, chatSettings, anthropicModels);
    }

    /**
     * @param value how long {@link OpenAiGateway#close()} lets replies in flight finish before it cuts them
     *     short with an error event
     * @return a copy with this value
     * @throws InvalidInputException when it cannot work
     */
    public GatewayConfig withShutdownGrace(Duration value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, value, chatSettings, anthropicModels);
    }

    /**
     * @param value the time zone and locale of every request (their reasoning effort, search and system
     *     prompt come from each request)
     * @return a copy with this value
     * @throws InvalidInputException when it cannot work
     */
    public GatewayConfig withChatSettings(ChatSettings value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, shutdownGrace, value, anthropicModels);
    }

    /**
     * @return the user's rules for the model ids Anthropic clients send: from an id, a prefix ending in
     *     {@code *} or {@code *} alone, to a t3.chat model id (an id no rule covers goes to the nearest
     *     Claude of t3.chat's catalogue)
     */
    public Map<String, String> anthropicModels() {
        return anthropicModels;
    }

    /**
     * @param value rules for Anthropic model ids (see {@link #anthropicModels()}), such as
     *     {@code claude-opus*} to {@code claude-4-opus}
     * @return a copy with these rules
     * @throws InvalidInputException when a rule's ids are not ids
     */
    public GatewayConfig withAnthropicModels(Map<String, String> value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, shutdownGrace, chatSettings, value);
    }

    /**
     * Whether clients may address the gateway as {@code name} (a {@code Host} header's name, without the
     * port): a loopback name, the address listened on, or one of {@link #allowedHosts()}.
     *
     * @param name the name a request addressed
     * @return whether it is answered
     */
    public boolean allowsHost(String name) {
        String bare = hostName(name);
        String listenedOn = hostName(host);
        boolean wildcard = listenedOn.equals("0.0.0.0") || listenedOn.equals("::");
        return LOOPBACK_NAMES.contains(bare) || (bare.equals(listenedOn) && !wildcard) || allowedHosts.contains(bare)
                || allowedHosts.contains("*");
    }

    /** {@code name} as {@link #allowsHost} compares it: lower case, without IPv6 brackets or a final dot. */
    static String hostName(String name) {
        String bare = name.strip().toLowerCase(Locale.ROOT);
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
    }

    /** @return whether {@link #host()} is a loopback address (127.0.0.0/8, ::1, localhost) */
    public boolean isLoopbackOnly() {
        return isLoopback(host);
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GatewayConfig o && o.host.equals(host) && o.port == port && o.apiKey.equals(apiKey)
                && o.corsOrigins.equals(corsOrigins) && o.allowedHosts.equals(allowedHosts)
                && o.maxRequestBytes == maxRequestBytes && o.maxConnections == maxConnections
                && o.headTimeout.equals(headTimeout) && o.idleTimeout.equals(idleTimeout)
                && o.shutdownGrace.equals(shutdownGrace) && o.chatSettings.equals(chatSettings)
                && o.anthropicModels.equals(anthropicModels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    @Override
    public String toString() {
        return "GatewayConfig[" + host + ":" + port + ", key redacted, cors=" + corsOrigins + ", hosts=" + allowedHosts
                + "]";
    }
}
