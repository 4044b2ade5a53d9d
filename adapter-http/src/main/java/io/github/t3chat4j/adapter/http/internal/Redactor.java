package io.github.t3chat4j.adapter.http.internal;

import io.github.t3chat4j.domain.session.Session;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that goes into an error message: the session's cookie values and convex
 * id wherever they appear, and anything shaped like a cookie or token assignment. A call carries the
 * redactor of its session ({@link HttpCall.Builder#cookies}), so every message about it is scrubbed.
 */
final class Redactor {

    static final String REDACTED = "[redacted]";
    private static final int MIN_SECRET_LENGTH = 4;
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)(wos-session|cookie|set-cookie|authorization|token|session[a-z_-]*|convex[a-z_-]*)"
                    + "(\"?\\s*[:=]\\s*\"?)[^\\s;,\"'&]+");

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        List<String> sorted = new ArrayList<>(secrets);
        sorted.removeIf(s -> s == null || s.length() < MIN_SECRET_LENGTH);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(sorted);
    }

    /** Redacts nothing but the generic assignment patterns. */
    static Redactor none() {
        return new Redactor(List.of());
    }

    /** Redacts the session's whole cookie string, every cookie value and the convex session id. */
    static Redactor of(Session session) {
        List<String> secrets = new ArrayList<>();
        secrets.add(session.cookies().headerValue());
        secrets.add(session.convexSessionId().value());
        for (String name : session.cookies().names()) {
            session.cookies().get(name).ifPresent(secrets::add);
        }
        return new Redactor(secrets);
    }

    /** {@code text} with every secret replaced by {@value #REDACTED}. */
    String scrub(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return ASSIGNMENT.matcher(result).replaceAll("$1$2" + REDACTED);
    }
}
