package io.github.t3chat4j.adapter.browser.internal.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which stored cookies a browser would send to {@code https://t3.chat/}, as one {@code Cookie} header:
 * cookies of the host {@code t3.chat} or the domain {@code .t3.chat}, not expired, not empty, one per
 * name (the host's own cookie wins over the domain's, as in the browser's header the first one is the
 * one servers read).
 */
public final class T3ChatCookies {

    /** The host whose cookies are read. */
    public static final String HOST = "t3.chat";
    /** The hosts a cookie for t3.chat is stored under: the host itself, or its domain. */
    public static final List<String> STORED_HOSTS = List.of(HOST, "." + HOST);

    private T3ChatCookies() {
    }

    /** The cookies to send, in the order a browser sends them (longer paths first, then as stored). */
    public static List<BrowserCookie> usable(List<BrowserCookie> stored, Instant now) {
        List<BrowserCookie> candidates = new ArrayList<>(stored.stream()
                .filter(c -> STORED_HOSTS.contains(c.host()))
                .filter(c -> !c.value().isEmpty())
                .filter(c -> c.expires().map(now::isBefore).orElse(true))
                .toList());
        candidates.sort(Comparator.comparing((BrowserCookie c) -> !c.host().equals(HOST))
                .thenComparing(c -> -c.path().length()));
        Map<String, BrowserCookie> byName = new LinkedHashMap<>();
        for (BrowserCookie cookie : candidates) {
            byName.putIfAbsent(cookie.name(), cookie);
        }
        return List.copyOf(byName.values());
    }

    /** {@code name=value; name=value}: the {@code Cookie} header; empty when there is no cookie. Never log it. */
    public static Optional<String> header(List<BrowserCookie> cookies) {
        if (cookies.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder header = new StringBuilder();
        for (BrowserCookie cookie : cookies) {
            if (header.length() > 0) {
                header.append("; ");
            }
            header.append(cookie.name()).append('=').append(cookie.value());
        }
        return Optional.of(header.toString());
    }
}
