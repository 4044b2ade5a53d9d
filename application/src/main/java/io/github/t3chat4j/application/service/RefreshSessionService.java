package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.RefreshSessionCommand;
import io.github.t3chat4j.application.port.in.RefreshSessionUseCase;
import io.github.t3chat4j.application.port.out.RenewSessionPort;
import io.github.t3chat4j.domain.session.Session;

/** Asks for a rotated {@code wos-session} and swaps it into the cookie string, keeping every other cookie. */
public final class RefreshSessionService implements RefreshSessionUseCase {

    private final RenewSessionPort renewSession;

    public RefreshSessionService(RenewSessionPort renewSession) {
        this.renewSession = requireNonNull(renewSession, "renewSession == null");
    }

    @Override
    public Session refreshSession(RefreshSessionCommand command) {
        Session session = command.session();
        return renewSession.renewWosSession(session)
                .filter(value -> !value.isBlank())
                .map(session::withRenewedWosSession)
                .orElse(session);
    }
}
