package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which proxy, if any, a request to a URI goes through; the one decision every engine follows. Rules
 * are either explicit (a proxy for https, one for http, and a {@code NO_PROXY} list read as curl reads
 * it: {@code *}, host names matching themselves and their subdomains, IP addresses and CIDR ranges), or
 * the JVM's {@link ProxySelector} with credentials from the {@code https.proxyUser}/{@code https.proxyPassword}
 * (and {@code http.}) properties, or none. Thread-safe.
 */
public final class ProxyRules {

    private enum Kind { NONE, JVM, EXPLICIT }

    private final Kind kind;
    private final ProxyEndpoint forHttps;
    private final ProxyEndpoint forHttp;
    private final List<String> noProxy;

    private ProxyRules(Kind kind, ProxyEndpoint forHttps, ProxyEndpoint forHttp, List<String> noProxy) {
        this.kind = kind;
        this.forHttps = forHttps;
        this.forHttp = forHttp;
        this.noProxy = List.copyOf(noProxy);
    }

    public static ProxyRules none() {
        return new ProxyRules(Kind.NONE, null, null, List.of());
    }

    public static ProxyRules jvm() {
        return new ProxyRules(Kind.JVM, null, null, List.of());
    }

    /** A proxy per scheme (either may be empty: direct) and the hosts reached without one. */
    public static ProxyRules explicit(Optional<ProxyEndpoint> forHttps, Optional<ProxyEndpoint> forHttp,
            List<String> noProxy) {
        return new ProxyRules(Kind.EXPLICIT, forHttps.orElse(null), forHttp.orElse(null),
                requireNonNull(noProxy, "noProxy == null"));
    }

    /** The proxy for a request to {@code target}, or empty to go direct. */
    public Optional<ProxyEndpoint> select(URI target) {
        requireNonNull(target, "target == null");
        return switch (kind) {
            case NONE -> Optional.empty();
            case JVM -> fromJvm(target);
            case EXPLICIT -> bypassed(target.getHost()) ? Optional.empty()
                    : Optional.ofNullable("https".equalsIgnoreCase(target.getScheme()) ? forHttps : forHttp);
        };
    }

    /** Every proxy these rules may use, for checks that need no target. */
    public List<ProxyEndpoint> endpoints() {
        return Stream.of(forHttps, forHttp).filter(Objects::nonNull).distinct().toList();
    }

    /** The proxy at {@code host:port} with credentials, to answer its challenge; empty when none is known. */
    public Optional<ProxyEndpoint> credentialsFor(String host, int port) {
        List<ProxyEndpoint> candidates = kind == Kind.JVM ? jvmEndpoints() : endpoints();
        return candidates.stream().filter(ProxyEndpoint::hasCredentials)
                .filter(p -> p.host().equalsIgnoreCase(host) && p.port() == port).findFirst();
    }

    private static List<ProxyEndpoint> jvmEndpoints() {
        return Stream.of("https.", "http.").map(prefix -> {
            String host = System.getProperty(prefix + "proxyHost");
            String user = System.getProperty(prefix + "proxyUser");
            if (host == null || host.isBlank()) {
                return null;
            }
            int port;
            try {
                port = Integer.parseInt(System.getProperty(prefix + "proxyPort", "80").strip());
            } catch (NumberFormatException garbled) {
                return null;
            }
            return new ProxyEndpoint("http", host.strip(), port, Optional.ofNullable(user),
                    Optional.ofNullable(user).map(u -> System.getProperty(prefix + "proxyPassword", "")));
        }).filter(Objects::nonNull).toList();
    }

    private static Optional<ProxyEndpoint> fromJvm(URI target) {
        ProxySelector selector = ProxySelector.getDefault();
        if (selector == null) {
            return Optional.empty();
        }
        for (Proxy proxy : selector.select(target)) {
            if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress address) {
                String prefix = "https".equalsIgnoreCase(target.getScheme()) ? "https." : "http.";
                Optional<String> user = Optional.ofNullable(System.getProperty(prefix + "proxyUser"));
                Optional<String> password = user.map(u -> System.getProperty(prefix + "proxyPassword", ""));
                return Optional.of(new ProxyEndpoint("http", address.getHostString(), address.getPort(), user,
                        password));
            }
        }
        return Optional.empty();
    }

    /** Equal rules pick the same proxy for every target (so engines over them may share connections). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProxyRules other && kind == other.kind && Objects.equals(forHttps, other.forHttps)
                && Objects.equals(forHttp, other.forHttp) && noProxy.equals(other.noProxy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, forHttps, forHttp, noProxy);
    }

    /** Whether {@code host} is in the {@code NO_PROXY} list. */
    boolean bypassed(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        for (String entry : noProxy) {
            if (matches(entry.toLowerCase(Locale.ROOT), name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String entry, String host) {
        if (entry.equals("*")) {
            return true;
        }
        String pattern = entry;
        if (pattern.startsWith("[")) {
            int end = pattern.indexOf(']');
            pattern = end < 0 ? pattern : pattern.substring(1, end);
        } else if (pattern.chars().filter(c -> c == ':').count() == 1) {
            pattern = pattern.substring(0, pattern.indexOf(':'));
        }
        if (pattern.contains("/")) {
            return inRange(pattern, host);
        }
        while (pattern.startsWith(".") || pattern.startsWith("*")) {
            pattern = pattern.substring(1);
        }
        return !pattern.isEmpty() && (host.equals(pattern) || host.endsWith("." + pattern));
    }

    /** Whether the IP literal {@code host} lies in the CIDR range {@code cidr}; false for names. */
    private static boolean inRange(String cidr, String host) {
        if (!isIpLiteral(host)) {
            return false;
        }
        try {
            String[] parts = cidr.split("/", 2);
            if (!isIpLiteral(parts[0])) {
                return false;
            }
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(host).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (network.length != address.length || bits < 0 || bits > network.length * 8) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((network[i / 8] & mask) != (address[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException malformed) {
            return false;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "ProxyRules[none]";
            case JVM -> "ProxyRules[jvm]";
            case EXPLICIT -> "ProxyRules[https=" + forHttps + ", http=" + forHttp + ", noProxy=" + noProxy + "]";
        };
    }
}
