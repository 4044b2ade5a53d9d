package io.github.t3chat4j.adapter.http.internal;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.out.SessionPort;
import io.github.t3chat4j.domain.session.Session;
import java.util.Optional;

/**
 * Opens the session ({@code GET /}, PROTOCOL.md section 1) and asks for a rotated {@code wos-session}
 * ({@code auth.getActiveSessions}, section 2), whose new value arrives in the {@code x-workos-session}
 * header. Only statuses and headers matter here, so neither body is read. Thread-safe.
 */
public final class HttpSessionAdapter implements SessionPort {

    static final String ROTATED_SESSION_HEADER = "x-workos-session";

    private final HttpPipeline pipeline;
    private final SiteRequests site;

    public HttpSessionAdapter(HttpPipeline pipeline, SiteRequests site) {
        this.pipeline = requireNonNull(pipeline, "pipeline == null");
        this.site = requireNonNull(site, "site == null");
    }

    @Override
    public void initialize(Session session) {
        requireNonNull(session, "session == null");
        try (OpenResponse page = pipeline.open(site.home(session))) {
            // Only the status matters; the page (the model catalogue's source) is another adapter's business.
            page.abort();
        }
    }

    @Override
    public Optional<String> renewWosSession(Session session) {
        requireNonNull(session, "session == null");
        try (OpenResponse answer = pipeline.open(site.activeSessions(session))) {
            Optional<String> rotated = answer.header(ROTATED_SESSION_HEADER).map(String::strip)
                    .filter(value -> !value.isEmpty());
            // The tRPC body may stream for a while; the header is all this call needs.
            answer.abort();
            return rotated;
        }
    }

    @Override
    public String toString() {
        return "HttpSessionAdapter[" + site.baseUrl() + "]";
    }
}
