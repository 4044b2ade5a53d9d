package io.github.t3chat4j.application.port.in;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.session.Session;

/** Read something about the account signed in with this session. */
public record AccountQuery(Session session) {

    public AccountQuery {
        requireNonNull(session, "session == null");
    }
}
