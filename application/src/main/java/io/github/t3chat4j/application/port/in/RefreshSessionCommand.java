package io.github.t3chat4j.application.port.in;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.session.Session;

/** Refresh this session's rotating {@code wos-session} cookie. */
public record RefreshSessionCommand(Session session) {

    public RefreshSessionCommand {
        requireNonNull(session, "session == null");
    }
}
