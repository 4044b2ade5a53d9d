package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.session.Session;

/**
 * Renews the {@code wos-session} cookie now and returns the session in use from then on: the same one
 * when the server did not rotate it, else one whose cookie string has the new value and every other
 * cookie. Sends and account reads renew by themselves; this is for a caller that wants it done now.
 */
public interface RefreshSessionUseCase {

    Session refreshSession();
}
