package io.github.t3chat4j.domain.session;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cookie string a browser sends to t3.chat, kept as ordered {@code name=value} pairs. It is a
 * secret: {@link #toString()} shows only how many cookies there are, never a value. Use
 * {@link #headerValue()} to put it on the wire.
 */
public final class SessionCookies {

    /** The WorkOS session cookie that t3.chat rotates. */
    public static final String WOS_SESSION = "wos-session";
    /** The cookie in which the browser may also carry the convex session id. */
    public static final String CONVEX_SESSION_ID = "convex-session-id";

    /** No cookies at all: the cookies of {@link Session#anonymous()}. */
    public static final SessionCookies NONE = new SessionCookies(List.of());

    private final List<Map.Entry<String, String>> pairs;

    private SessionCookies(List<Map.Entry<String, String>> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    /**
     * Parses a {@code Cookie} header value such as {@code "a=1; wos-session=xyz"}. Surrounding quotes
     * and white space are removed, empty pairs dropped.
     *
     * @throws IllegalArgumentException if the string is blank or holds no {@code name=value} pair
     */
    public static SessionCookies parse(String cookieHeader) {
        requireNonNull(cookieHeader, "cookie string == null");
        String cleaned = Secrets.stripQuotes(cookieHeader);
        if (cleaned.isBlank()) {
            throw new IllegalArgumentException(
                    "The cookie string is empty: copy the whole Cookie header of a request to t3.chat"
                            + " from your browser's developer tools.");
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String part : cleaned.split(";")) {
            String pair = part.trim();
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (!name.isEmpty() && !value.isEmpty()) {
                pairs.add(Map.entry(name, value));
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(
                    "The cookie string holds no name=value pair: copy the whole Cookie header of a"
                            + " request to t3.chat from your browser's developer tools.");
        }
        return new SessionCookies(pairs);
    }

    /** The value of the named cookie, if present. */
    public Optional<String> get(String name) {
        requireNonNull(name, "name == null");
        return pairs.stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
    }

    /** The names of the cookies, in order; values are not exposed this way. */
    public List<String> names() {
        return pairs.stream().map(Map.Entry::getKey).toList();
    }

    /**
     * A copy in which the {@code wos-session} pair holds {@code newValue}; every other pair keeps its
     * place and value. The pair is appended when the string had none.
     */
    public SessionCookies withWosSession(String newValue) {
        requireNonNull(newValue, "newValue == null");
        if (newValue.isBlank()) {
            throw new IllegalArgumentException("A renewed wos-session value cannot be blank.");
        }
        List<Map.Entry<String, String>> next = new ArrayList<>(pairs.size() + 1);
        boolean replaced = false;
        for (Map.Entry<String, String> pair : pairs) {
            if (pair.getKey().equals(WOS_SESSION)) {
                if (!replaced) {
                    next.add(Map.entry(WOS_SESSION, newValue));
                    replaced = true;
                }
            } else {
                next.add(pair);
            }
        }
        if (!replaced) {
            next.add(Map.entry(WOS_SESSION, newValue));
        }
        return new SessionCookies(next);
    }

    /** The string to send as the {@code Cookie} header. Never log it. */
    public String headerValue() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(pair.getKey()).append('=').append(pair.getValue());
        }
        return out.toString();
    }

    /** The number of cookies. */
    public int size() {
        return pairs.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionCookies that && pairs.equals(that.pairs);
    }

    @Override
    public int hashCode() {
        return pairs.hashCode();
    }

    @Override
    public String toString() {
        return "SessionCookies[" + pairs.size() + " cookies, redacted]";
    }

    /** Unmodifiable view used by tests of the parsing rules. */
    List<Map.Entry<String, String>> pairs() {
        return Collections.unmodifiableList(pairs);
    }
}
