package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.internal.usecase.InitializeSessionUseCase;
import io.github.t3chat4j.application.port.out.SessionPort;
import io.github.t3chat4j.application.internal.session.SessionKeeper;

/** Opens the session with t3.chat through {@link SessionPort}, with the session as it is now. */
public final class InitializeSessionService implements InitializeSessionUseCase {

    private final SessionPort initializeSession;
    private final SessionKeeper keeper;

    public InitializeSessionService(SessionPort initializeSession, SessionKeeper keeper) {
        this.initializeSession = requireNonNull(initializeSession, "initializeSession == null");
        this.keeper = requireNonNull(keeper, "keeper == null");
    }

    @Override
    public void initializeSession() {
        initializeSession.initialize(keeper.current());
    }
}
