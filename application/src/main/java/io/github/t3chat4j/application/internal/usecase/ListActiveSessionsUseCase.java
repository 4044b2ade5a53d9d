package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.account.ActiveSession;
import java.util.List;

/**
 * Lists the places where the user is signed in ({@code auth.getActiveSessions}), in the server's order.
 */
public interface ListActiveSessionsUseCase {

    List<ActiveSession> listActiveSessions();
}
