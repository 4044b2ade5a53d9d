package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A request as an engine sends it: method, absolute {@code http(s)} URI, the header fields in order
 * (the engine adds only framing such as {@code Host} and {@code Content-Length}), the body (empty for
 * none), whether to follow redirects, and the timeouts. {@link #toString()} shows no header or body.
 */
public record EngineRequest(String method, URI uri, List<Header> headers, byte[] body, boolean followRedirects,
        Timeouts timeouts) {

    public EngineRequest {
        requireNonNull(method, "method == null");
        requireNonNull(uri, "uri == null");
        headers = List.copyOf(requireNonNull(headers, "headers == null"));
        body = requireNonNull(body, "body == null").clone();
        requireNonNull(timeouts, "timeouts == null");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an absolute http(s) URI: " + uri.getScheme() + "://…");
        }
        if (headers.stream().anyMatch(h -> h.is("Content-Length") || h.is("Transfer-Encoding") || h.is("Host"))) {
            throw new IllegalArgumentException("The engine sets Host, Content-Length and Transfer-Encoding.");
        }
    }

    /** The body; a copy, as the record keeps its own. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The value of the first header called {@code name} (ignoring case). */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst();
    }

    @Override
    public String toString() {
        return "EngineRequest[" + method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
                + "]";
    }
}
