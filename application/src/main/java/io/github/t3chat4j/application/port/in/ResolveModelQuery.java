package io.github.t3chat4j.application.port.in;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.session.Session;

/** Find the catalogue model with the id the user typed ({@code requestedId}, as typed). */
public record ResolveModelQuery(Session session, String requestedId) {

    public ResolveModelQuery {
        requireNonNull(session, "session == null");
        requireNonNull(requestedId, "requestedId == null");
    }
}
