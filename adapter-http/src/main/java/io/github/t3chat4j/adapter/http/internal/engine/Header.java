package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One header field. Names and values cannot hold line breaks (no header injection); {@link #toString()}
 * hides the value of credentials.
 */
public record Header(String name, String value) {

    private static final Set<String> SECRET = Set.of("cookie", "set-cookie", "authorization", "x-workos-session");

    public Header {
        requireNonNull(name, "name == null");
        requireNonNull(value, "value == null");
        if (name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c == ':' || c >= 127)) {
            throw new IllegalArgumentException("Not a header name: '" + name + "'.");
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("The value of header " + name + " holds a line break.");
        }
    }

    /** The headers of a response HttpCore read, less any that could not be ours (a malformed name or value). */
    static List<Header> fromHttpCore(org.apache.hc.core5.http.Header[] received) {
        List<Header> headers = new ArrayList<>(received.length);
        for (org.apache.hc.core5.http.Header header : received) {
            try {
                headers.add(new Header(header.getName(), header.getValue()));
            } catch (IllegalArgumentException malformed) {
                // A header no request of ours could use; the others still count.
            }
        }
        return List.copyOf(headers);
    }

    /** Whether this header is called {@code other}, ignoring case. */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    @Override
    public String toString() {
        return name + ": " + (SECRET.contains(name.toLowerCase(Locale.ROOT)) ? "[redacted]" : value);
    }
}
