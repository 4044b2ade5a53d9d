package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One proxy: scheme ({@code http}, {@code https}, {@code socks5h}, …), host, port, and the user and
 * password of Basic authentication, if any. The password is a secret: {@link #toString()} and
 * {@link #address()} never show it or the user.
 */
public record ProxyEndpoint(String scheme, String host, int port, Optional<String> user, Optional<String> password) {

    /** curl's default proxy port, used when a proxy URL names none. */
    static final int DEFAULT_PORT = 1080;

    public ProxyEndpoint {
        requireNonNull(scheme, "scheme == null");
        requireNonNull(host, "host == null");
        requireNonNull(user, "user == null");
        requireNonNull(password, "password == null");
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
    }

    /** The proxy of a URL such as {@code http://user:password@proxy:3128} (user and password percent-decoded). */
    public static ProxyEndpoint of(URI url) {
        requireNonNull(url, "url == null");
        String user = null;
        String password = null;
        String info = url.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new ProxyEndpoint(url.getScheme(), host, url.getPort() < 0 ? DEFAULT_PORT : url.getPort(),
                Optional.ofNullable(user), Optional.ofNullable(password));
    }

    /** A plain HTTP proxy (the only kind the JVM's client speaks to). */
    public boolean isHttp() {
        return scheme.equals("http");
    }

    public boolean hasCredentials() {
        return user.isPresent();
    }

    /** {@code scheme://host:port}, without credentials: what curl's {@code --proxy} gets. */
    public String address() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + h + ":" + port;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return address() + (hasCredentials() ? " (with credentials)" : "");
    }
}
