package io.github.t3chat4j.testkit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request the fake server received, as it came over the socket. Header names are lower case;
 * {@code clientPort} is the client's side of the connection (the same port on two requests means the
 * connection was reused), {@code -1} when unknown.
 * {@link #toString()} leaves out header values and the body, which hold test secrets.
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        String body, int clientPort, String protocol) {

    public RecordedRequest {
        requireNonNull(method, "method == null");
        requireNonNull(path, "path == null");
        requireNonNull(query, "query == null");
        requireNonNull(body, "body == null");
        requireNonNull(protocol, "protocol == null");
        Map<String, List<String>> lower = new TreeMap<>();
        requireNonNull(headers, "headers == null").forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = Map.copyOf(lower);
    }

    /** A request over HTTP/1.1. */
    public RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
            int clientPort) {
        this(method, path, query, headers, body, clientPort, "HTTP/1.1");
    }

    /** A request whose client port is unknown. */
    public RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {
        this(method, path, query, headers, body, -1);
    }

    /** The first value of the named header (any case). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The value of the named cookie in the {@code Cookie} header; over HTTP/2, where a browser sends each
     * cookie as a header field of its own (RFC 9113, 8.2.3), in any of them.
     */
    public Optional<String> cookie(String name) {
        for (String field : headers.getOrDefault("cookie", List.of())) {
            for (String part : field.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                    return Optional.of(part.substring(eq + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + ", headers=" + headers.keySet() + ", " + body.length()
                + " body chars]";
    }
}
