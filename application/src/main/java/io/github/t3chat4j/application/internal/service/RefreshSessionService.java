package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.internal.usecase.RefreshSessionUseCase;
import io.github.t3chat4j.application.internal.session.SessionKeeper;
import io.github.t3chat4j.domain.session.Session;

/** Renews the connection's session now, through its {@link SessionKeeper}. */
public final class RefreshSessionService implements RefreshSessionUseCase {

    private final SessionKeeper keeper;

    public RefreshSessionService(SessionKeeper keeper) {
        this.keeper = requireNonNull(keeper, "keeper == null");
    }

    @Override
    public Session refreshSession() {
        return keeper.renew();
    }
}
