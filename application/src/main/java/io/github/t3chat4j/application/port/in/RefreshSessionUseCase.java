package io.github.t3chat4j.application.port.in;

import io.github.t3chat4j.domain.session.Session;

/**
 * Renews the {@code wos-session} cookie and returns the session to use from now on: the same one when
 * the server did not rotate it, else one whose cookie string has the new value and every other cookie.
 */
public interface RefreshSessionUseCase {

    Session refreshSession(RefreshSessionCommand command);
}
