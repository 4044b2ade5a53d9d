package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.InitializeSessionCommand;
import io.github.t3chat4j.application.port.in.InitializeSessionUseCase;
import io.github.t3chat4j.application.port.out.InitializeSessionPort;

/** Opens the session with t3.chat through {@link InitializeSessionPort}. */
public final class InitializeSessionService implements InitializeSessionUseCase {

    private final InitializeSessionPort initializeSession;

    public InitializeSessionService(InitializeSessionPort initializeSession) {
        this.initializeSession = requireNonNull(initializeSession, "initializeSession == null");
    }

    @Override
    public void initializeSession(InitializeSessionCommand command) {
        initializeSession.initialize(command.session());
    }
}
