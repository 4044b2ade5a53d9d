package io.github.t3chat4j.adapter.http.internal;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.port.out.InitializeSessionPort;
import io.github.t3chat4j.application.port.out.RenewSessionPort;
import io.github.t3chat4j.domain.session.Session;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/**
 * Opens the session ({@code GET /}, PROTOCOL.md section 1) and asks for a rotated {@code wos-session}
 * ({@code auth.getActiveSessions}, section 2), whose new value arrives in the {@code x-workos-session}
 * header. The tRPC body is not read here. Errors are mapped as for the chat. Thread-safe.
 */
public final class HttpSessionAdapter implements InitializeSessionPort, RenewSessionPort {

    public static final String ACTIVE_SESSIONS_PATH = "/api/trpc/auth.getActiveSessions";
    public static final String ACTIVE_SESSIONS_INPUT = "{\"0\":{\"json\":{\"includeLocation\":false}}}";
    public static final String ROTATED_SESSION_HEADER = "x-workos-session";

    private final HttpTransport transport;
    private final HttpConfig config;

    public HttpSessionAdapter(HttpTransport transport, HttpConfig config) {
        this.transport = requireNonNull(transport, "transport == null");
        this.config = requireNonNull(config, "config == null");
    }

    @Override
    public void initialize(Session session) {
        requireNonNull(session, "session == null");
        try (HttpTransport.Exchange exchange = transport.open(() -> home(session), "GET /", Redactor.of(session))) {
            // Only the status matters; the page (the model catalogue's source) is another adapter's business.
            exchange.abort();
        }
    }

    @Override
    public Optional<String> renewWosSession(Session session) {
        requireNonNull(session, "session == null");
        try (HttpTransport.Exchange exchange = transport.open(() -> activeSessions(session),
                "GET " + ACTIVE_SESSIONS_PATH, Redactor.of(session))) {
            String rotated = exchange.header(ROTATED_SESSION_HEADER);
            // The tRPC body may stream for a while; the header is all this call needs.
            exchange.abort();
            return rotated == null || rotated.isBlank() ? Optional.empty() : Optional.of(rotated.strip());
        }
    }

    private HttpGet home(Session session) {
        HttpGet get = new HttpGet(URI.create(config.baseUrl() + "/"));
        BrowserHeaders.common(get, config, "");
        get.setHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        BrowserHeaders.navigation(get);
        get.setHeader("Cookie", session.cookies().headerValue());
        return get;
    }

    private HttpGet activeSessions(Session session) {
        URI uri = URI.create(config.baseUrl() + ACTIVE_SESSIONS_PATH + "?batch=1&input="
                + URLEncoder.encode(ACTIVE_SESSIONS_INPUT, StandardCharsets.UTF_8));
        HttpGet get = new HttpGet(uri);
        BrowserHeaders.common(get, config, "");
        BrowserHeaders.sameOriginFetch(get);
        get.setHeader("Cookie", session.cookies().headerValue());
        get.setHeader("content-type", "application/json");
        get.setHeader("trpc-accept", "application/jsonl");
        get.setHeader("Referer", config.baseUrl() + "/");
        return get;
    }
}
