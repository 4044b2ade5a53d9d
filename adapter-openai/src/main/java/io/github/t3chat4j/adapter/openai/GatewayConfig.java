package io.github.t3chat4j.adapter.openai;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.domain.chat.ChatSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the gateway listens and what it allows. Every request must carry {@code Authorization: Bearer
 * <apiKey>}; a host that is not a loopback address is accepted only with a key of at least
 * {@value #MIN_REMOTE_KEY_LENGTH} characters. Invalid values are refused with an
 * {@link InvalidInputException}; {@link #toString()} never shows the key.
 *
 * @param host the address to listen on ({@code 127.0.0.1} by default)
 * @param port the port, or 0 for a free one
 * @param apiKey the key clients present: visible ASCII, no spaces
 * @param corsOrigins origins (such as {@code http://localhost:3000}, or {@code *}) whose web pages may
 *     call the gateway; none by default
 * @param maxRequestBytes the largest request body accepted (413 beyond)
 * @param allowedHosts the names clients may address the gateway by (its {@code Host} header) besides
 *     {@code localhost}, {@code 127.0.0.1}, {@code [::1]} and the address listened on (unless a wildcard
 *     such as {@code 0.0.0.0}); {@code *} for any.
 *     Any other name is refused, so that a web page whose name is made to point to this machine (DNS
 *     rebinding) cannot use the gateway
 * @param maxConnections the most connections served at once; more wait to be accepted
 * @param headTimeout how long a connection may take to send a whole request head, from its opening or
 *     from the end of its previous exchange; it is closed after that (so idle and dribbling connections
 *     cannot hold the gateway)
 * @param idleTimeout how long a connection may stay silent while a request is read or an answer written
 * @param shutdownGrace how long {@link OpenAiGateway#close()} lets replies in flight finish before it
 *     cuts them short with an error event
 * @param chatSettings the time zone and locale of every request (their reasoning effort, search and
 *     system prompt come from each request)
 * @param anthropicModels the user's rules for the model ids Anthropic clients send: from an id, a prefix
 *     ending in {@code *} or {@code *} alone, to a t3.chat model id (ids no rule covers go to the nearest
 *     Claude of t3.chat's catalogue)
 */
public record GatewayConfig(String host, int port, String apiKey, List<String> corsOrigins,
        List<String> allowedHosts, long maxRequestBytes, int maxConnections, Duration headTimeout,
        Duration idleTimeout, Duration shutdownGrace, ChatSettings chatSettings, Map<String, String> anthropicModels) {

    /** The default address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8787;
    /** How long a connection may take to send a request head: a few seconds, plenty on any network. */
    public static final Duration DEFAULT_HEAD_TIMEOUT = Duration.ofSeconds(5);
    /** The names of this machine a client on it uses, always allowed as {@code Host}. */
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");
    /** The shortest key accepted when the gateway listens on more than loopback. */
    public static final int MIN_REMOTE_KEY_LENGTH = 24;

    public GatewayConfig {
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
                    + " this machine: use a key of at least " + MIN_REMOTE_KEY_LENGTH + " characters (leave"
                    + " --api-key out to use the generated one).");
        }
    }

    /** Loopback on the default port, with this key and the defaults for everything else. */
    public static GatewayConfig defaults(String apiKey) {
        return new GatewayConfig(DEFAULT_HOST, DEFAULT_PORT, apiKey, List.of(), List.of(), 8L * 1024 * 1024, 128,
                DEFAULT_HEAD_TIMEOUT, Duration.ofMinutes(5), Duration.ofSeconds(10), ChatSettings.defaults(), Map.of());
    }

    public GatewayConfig withHost(String value) {
        return new GatewayConfig(value, port, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    public GatewayConfig withPort(int value) {
        return new GatewayConfig(host, value, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    public GatewayConfig withCorsOrigins(List<String> value) {
        return new GatewayConfig(host, port, apiKey, value, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    public GatewayConfig withAllowedHosts(List<String> value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, value, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    public GatewayConfig withMaxRequestBytes(long value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, allowedHosts, value, maxConnections, headTimeout,
                idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    public GatewayConfig withHeadTimeout(Duration value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                value, idleTimeout, shutdownGrace, chatSettings, anthropicModels);
    }

    public GatewayConfig withShutdownGrace(Duration value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, value, chatSettings, anthropicModels);
    }

    public GatewayConfig withChatSettings(ChatSettings value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, shutdownGrace, value, anthropicModels);
    }

    public GatewayConfig withAnthropicModels(Map<String, String> value) {
        return new GatewayConfig(host, port, apiKey, corsOrigins, allowedHosts, maxRequestBytes, maxConnections,
                headTimeout, idleTimeout, shutdownGrace, chatSettings, value);
    }

    /**
     * Whether clients may address the gateway as {@code name} (a {@code Host} header's name, without the
     * port): a loopback name, the address listened on, or one of {@link #allowedHosts()}.
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

    /** Whether {@link #host()} is a loopback address (127.0.0.0/8, ::1, localhost). */
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
    public String toString() {
        return "GatewayConfig[" + host + ":" + port + ", key redacted, cors=" + corsOrigins + ", hosts=" + allowedHosts
                + "]";
    }
}
