package io.github.t3chat4j.testkit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A page of the fake t3.chat that signs a real browser in, as the site's own sign-in leaves it: its answer
 * sets each cookie with {@code Set-Cookie} ({@code Secure; HttpOnly; SameSite=Lax}, a year long) and its
 * script puts the convex session id in local storage the way the web app does (a JSON string). Open it in
 * a browser through a {@link TlsFront}, then read the browser's profile.
 */
public final class BrowserSignInPage {

    /** Where the page is served. */
    public static final String PATH = "/test/sign-in";

    private BrowserSignInPage() {
    }

    /**
     * Serves the page at {@link #PATH} on {@code server}: {@code cookies} are {@code name=value} pairs as in
     * a {@code Cookie} header.
     */
    public static void install(FakeT3Server server, String cookies, String convexSessionId) {
        requireNonNull(cookies, "cookies == null");
        requireNonNull(convexSessionId, "convexSessionId == null");
        List<String> setCookies = new ArrayList<>();
        for (String pair : cookies.split(";")) {
            if (pair.contains("=")) {
                setCookies.add(pair.strip() + "; Path=/; Max-Age=31536000; Secure; HttpOnly; SameSite=Lax");
            }
        }
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>signed in</title></head><body>"
                + "<script>localStorage.setItem('convex-session-id', JSON.stringify('" + convexSessionId
                .replace("\\", "\\\\").replace("'", "\\'") + "'));"
                + "document.body.append('signed in');</script></body></html>";
        server.route(PATH, (exchange, request) -> {
            setCookies.forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c));
            server.sendText(exchange, 200, "text/html; charset=utf-8", html);
        });
    }
}
