package io.github.t3chat4j.adapter.listener;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which names ({@code Host}) and web origins ({@code Origin}) a listener answers: this machine's loopback
 * names, the address it listens on (unless a wildcard such as {@code 0.0.0.0}) and the names allowed, and
 * only the web origins allowed (none by default). Any other name is refused, so that a web page whose name
 * was made to point to this machine (DNS rebinding) cannot use the listener. Immutable.
 */
public final class ListenRules {

    /** The names of this machine a client on it uses, always allowed as {@code Host}. */
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");

    private final String host;
    private final List<String> allowedHosts;
    private final List<String> corsOrigins;

    private ListenRules(String host, List<String> allowedHosts, List<String> corsOrigins) {
        this.host = host;
        this.allowedHosts = allowedHosts;
        this.corsOrigins = corsOrigins;
    }

    /**
     * The rules of a listener on {@code host} that also answers {@code allowedHosts} (names or addresses,
     * or {@code *} for any) and web pages from {@code corsOrigins} (such as {@code http://localhost:3000},
     * or {@code *}).
     *
     * @throws InvalidInputException for a malformed name or origin
     */
    public static ListenRules of(String host, List<String> allowedHosts, List<String> corsOrigins) {
        requireNonNull(host, "host == null");
        List<String> names = requireNonNull(allowedHosts, "allowedHosts == null").stream().map(ListenRules::hostName)
                .toList();
        for (String name : names) {
            if (!name.equals("*") && !name.matches("[a-z0-9]([a-z0-9.:_-]*[a-z0-9])?")) {
                throw new InvalidInputException("An allowed host is a name or address such as myhost.local or"
                        + " 192.168.1.5 (or *), got '" + name + "'.");
            }
        }
        List<String> origins = List.copyOf(requireNonNull(corsOrigins, "corsOrigins == null"));
        for (String origin : origins) {
            if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
                throw new InvalidInputException("A CORS origin is a scheme and host such as http://localhost:3000"
                        + " (or *), got '" + origin + "'.");
            }
        }
        return new ListenRules(host, names, origins);
    }

    /** The address listened on. */
    public String host() {
        return host;
    }

    /** The names allowed besides this machine's, as {@link #allowsHost} compares them. */
    public List<String> allowedHosts() {
        return allowedHosts;
    }

    /** The web origins allowed; none by default. */
    public List<String> corsOrigins() {
        return corsOrigins;
    }

    /**
     * Whether clients may address the listener as {@code name} (a {@code Host} header's name, without the
     * port): a loopback name, the address listened on, or an allowed name.
     */
    public boolean allowsHost(String name) {
        String bare = hostName(name);
        String listenedOn = hostName(host);
        boolean wildcard = listenedOn.equals("0.0.0.0") || listenedOn.equals("::");
        return LOOPBACK_NAMES.contains(bare) || (bare.equals(listenedOn) && !wildcard) || allowedHosts.contains(bare)
                || allowedHosts.contains("*");
    }

    /** Whether a web page from {@code origin} (an {@code Origin} header) may call the listener. */
    public boolean allowsOrigin(String origin) {
        String value = origin.strip().toLowerCase(Locale.ROOT);
        return corsOrigins.stream().anyMatch(allowed -> allowed.equals("*")
                || allowed.toLowerCase(Locale.ROOT).equals(value));
    }

    /** {@code name} as {@link #allowsHost} compares it: lower case, without IPv6 brackets or a final dot. */
    public static String hostName(String name) {
        String bare = name.strip().toLowerCase(Locale.ROOT);
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
    }

    /** Whether {@code host} is a loopback address (127.0.0.0/8, ::1, localhost). */
    public static boolean isLoopback(String host) {
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
        return "ListenRules[" + host + ", hosts=" + allowedHosts + ", origins=" + corsOrigins + "]";
    }
}
