package io.github.t3chat4j.adapter.http.internal;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.session.Session;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every request the adapter sends to t3.chat, as PROTOCOL.md describes it, in one place: the home page,
 * a JavaScript chunk, the chat, and tRPC queries, {@code auth.getActiveSessions} among them (one
 * request for session renewal and the account alike). The cookie goes only where the site checks it.
 */
public final class SiteRequests {

    private static final String CHAT_PATH = "/api/chat";
    public static final String ACTIVE_SESSIONS = "auth.getActiveSessions";
    /** The superjson batch input of {@code auth.getActiveSessions}. */
    static final String ACTIVE_SESSIONS_INPUT = "{\"0\":{\"json\":{\"includeLocation\":false}}}";

    private final URI baseUrl;
    private final SiteSignals signals;

    /** Requests to the site at {@code baseUrl} ({@code https://t3.chat}, no trailing slash), with no signals. */
    public SiteRequests(URI baseUrl) {
        this(baseUrl, SiteSignals.NONE);
    }

    /** Requests to the site at {@code baseUrl} that carry what the site's own client sends ({@code signals}). */
    public SiteRequests(URI baseUrl, SiteSignals signals) {
        this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
        this.signals = requireNonNull(signals, "signals == null");
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** What these requests carry beside the protocol's fields. */
    public SiteSignals signals() {
        return signals;
    }

    /** {@code GET /} with the cookie, as a browser loads the page (section 1). */
    public HttpCall home(Session session) {
        HttpCall.Builder call = HttpCall.get(at("/"), "GET /")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .order(BrowserHeaders.NAVIGATION_ORDER);
        return BrowserHeaders.navigation(call).cookies(session).build();
    }

    /**
     * {@code GET <path>} of a JavaScript chunk the home page links, without the cookie (section 6).
     *
     * @throws IllegalArgumentException when {@code path} makes no URI
     */
    public HttpCall asset(String path) {
        HttpCall.Builder call = HttpCall.get(at(path), "GET " + pathOnly(path))
                .header("Accept", "*/*")
                .header("Referer", baseUrl + "/")
                .order(BrowserHeaders.SUBRESOURCE_ORDER);
        return BrowserHeaders.sameOriginFetch(call, "script").build();
    }

    /** {@code POST /api/chat} of {@code body} in thread {@code threadId} (section 3). */
    public HttpCall chat(String threadId, String locale, Session session, byte[] body) {
        HttpCall.Builder call = HttpCall.post(at(CHAT_PATH), "POST " + CHAT_PATH, body, "application/json")
                .header("Accept-Language", BrowserHeaders.acceptLanguage(locale))
                .header("Accept", "*/*")
                .header("Origin", BrowserHeaders.origin(baseUrl))
                .header("Referer", baseUrl + "/chat/" + threadId)
                .order(BrowserHeaders.CHAT_ORDER);
        signals.addTo(call, session);
        return BrowserHeaders.sameOriginFetch(call, "empty").cookies(session).build();
    }

    /**
     * {@code GET /api/trpc/<procedure>?batch=1&input=…} (section 5).
     *
     * @param batchInput the superjson batch input, such as {@link #ACTIVE_SESSIONS_INPUT}
     * @param streamed whether to ask for tRPC's JSON-lines answer
     */
    public HttpCall trpcQuery(String procedure, String batchInput, boolean streamed, Session session) {
        String path = "/api/trpc/" + procedure;
        String input = URLEncoder.encode(batchInput, StandardCharsets.UTF_8).replace("+", "%20");
        HttpCall.Builder call = HttpCall.get(at(path + "?batch=1&input=" + input), "GET " + path)
                .header("Accept", "*/*")
                .header("content-type", "application/json")
                .header("x-trpc-source", "web-client")
                .header("Referer", baseUrl + "/");
        if (streamed) {
            call.header("trpc-accept", "application/jsonl").header("x-trpc-batch", "true");
        }
        call.order(streamed ? BrowserHeaders.TRPC_STREAMED_ORDER : BrowserHeaders.TRPC_ORDER);
        signals.addTo(call, session);
        return BrowserHeaders.sameOriginFetch(call, "empty").cookies(session).build();
    }

    /** {@code auth.getActiveSessions}, streamed as the browser asks for it (sections 2 and 5). */
    public HttpCall activeSessions(Session session) {
        return trpcQuery(ACTIVE_SESSIONS, ACTIVE_SESSIONS_INPUT, true, session);
    }

    private URI at(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    private static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    @Override
    public String toString() {
        return "SiteRequests[" + baseUrl + "]";
    }
}
