package io.github.t3chat4j.application.port.in;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.session.Session;

/** Open this session with t3.chat. */
public record InitializeSessionCommand(Session session) {

    public InitializeSessionCommand {
        requireNonNull(session, "session == null");
    }
}
