package io.github.t3chat4j.adapter.http.internal;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.internal.engine.Header;
import io.github.t3chat4j.domain.session.Session;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an adapter asks the {@link HttpPipeline} for: method, URI, its own headers in order, the body,
 * whether redirects are followed, a description for messages ({@code "POST /api/chat"}: no query, no
 * secret) and what to scrub from them. Immutable; {@link #toString()} shows only the description.
 */
public final class HttpCall {

    private final String method;
    private final URI uri;
    private final List<Header> headers;
    private final byte[] body;
    private final boolean followRedirects;
    private final String description;
    private final Redactor redactor;
    private final int maxRetries;
    private final List<String> order;
    private final Optional<Duration> total;

    private HttpCall(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        this.headers = List.copyOf(b.headers);
        this.body = b.body;
        this.followRedirects = b.followRedirects;
        this.description = b.description;
        this.redactor = b.redactor;
        this.maxRetries = b.maxRetries;
        this.order = b.order;
        this.total = Optional.empty();
    }

    private HttpCall(HttpCall call, int maxRetries, Optional<Duration> total) {
        this.method = call.method;
        this.uri = call.uri;
        this.headers = call.headers;
        this.body = call.body;
        this.followRedirects = call.followRedirects;
        this.description = call.description;
        this.redactor = call.redactor;
        this.order = call.order;
        this.maxRetries = maxRetries;
        this.total = total;
    }

    /** This call, retried at most {@code value} times whatever the pipeline's policy says (0: never). */
    public HttpCall withMaxRetries(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxRetries cannot be negative.");
        }
        return new HttpCall(this, value, total);
    }

    /** How often this call may be retried, when it says; else the pipeline's policy decides. */
    OptionalInt maxRetries() {
        return maxRetries < 0 ? OptionalInt.empty() : OptionalInt.of(maxRetries);
    }

    /**
     * This call, to be answered within {@code total} of its start (retries and their waits included);
     * the reply that follows is held to the same deadline by its reader.
     */
    public HttpCall within(Duration total) {
        return new HttpCall(this, maxRetries, Optional.of(requireNonNull(total, "total == null")));
    }

    /** The deadline of the whole exchange, when it has one. */
    Optional<Duration> total() {
        return total;
    }

    /** A GET of {@code uri}. */
    public static Builder get(URI uri, String description) {
        return new Builder("GET", uri, description, new byte[0]);
    }

    /** A POST of {@code body} to {@code uri}, declared as {@code contentType}. */
    public static Builder post(URI uri, String description, byte[] body, String contentType) {
        return new Builder("POST", uri, description, requireNonNull(body, "body == null").clone())
                .header("Content-Type", requireNonNull(contentType, "contentType == null"));
    }

    String method() {
        return method;
    }

    URI uri() {
        return uri;
    }

    /** The call's own headers; the pipeline puts the common ones before them. */
    List<Header> headers() {
        return headers;
    }

    /**
     * The order Chrome sends this call's header fields in (lower-case names), which the pipeline sorts the
     * fields by, its own included; empty for the order they were added in.
     */
    List<String> order() {
        return order;
    }

    /** The value of the call's header {@code name} (ignoring case). */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst();
    }

    byte[] body() {
        return body.clone();
    }

    boolean followRedirects() {
        return followRedirects;
    }

    public String description() {
        return description;
    }

    Redactor redactor() {
        return redactor;
    }

    /** {@code scheme://host[:port]} of the URI: where the call goes, for messages. */
    String target() {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    @Override
    public String toString() {
        return "HttpCall[" + description + "]";
    }

    /** Collects the headers of a call; a header set twice keeps its last value, in its first place. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private final String description;
        private final byte[] body;
        private final List<Header> headers = new ArrayList<>();
        private boolean followRedirects;
        private Redactor redactor = Redactor.none();
        private int maxRetries = -1;
        private List<String> order = List.of();

        private Builder(String method, URI uri, String description, byte[] body) {
            this.method = method;
            this.uri = requireNonNull(uri, "uri == null");
            this.description = requireNonNull(description, "description == null");
            this.body = body;
        }

        public Builder header(String name, String value) {
            Header header = new Header(name, value);
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).is(name)) {
                    headers.set(i, header);
                    return this;
                }
            }
            headers.add(header);
            return this;
        }

        /** Has the pipeline send the header fields in {@code names}' order (lower-case names; others after them). */
        public Builder order(List<String> names) {
            this.order = List.copyOf(names);
            return this;
        }

        /**
         * Sends the session's cookie string, and keeps its secrets out of every message about the call; an
         * anonymous session sends no {@code Cookie} field at all.
         */
        public Builder cookies(Session session) {
            requireNonNull(session, "session == null");
            this.redactor = Redactor.of(session);
            return session.isAnonymous() ? this : header("Cookie", session.cookies().headerValue());
        }

        /** Follows redirects (only for hosts that get no credentials). */
        public Builder followRedirects() {
            this.followRedirects = true;
            return this;
        }

        /** @throws IllegalStateException for a call that would follow redirects with the cookie */
        public HttpCall build() {
            if (followRedirects && headers.stream().anyMatch(h -> h.is("Cookie"))) {
                throw new IllegalStateException("A call that follows redirects must not carry the cookie.");
            }
            return new HttpCall(this);
        }
    }
}
