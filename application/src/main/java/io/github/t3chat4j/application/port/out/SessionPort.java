package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.session.Session;
import java.util.Optional;

/**
 * The session with t3.chat: opening it ({@code GET /}) and rotating its {@code wos-session} cookie. Only
 * the session keeper of a client renews (an ArchUnit rule), since t3.chat may refuse a cookie renewed
 * twice. Both throw the same errors as the chat transport. Thread-safe.
 */
public interface SessionPort {

    /** Opens the session; a 2xx answer means t3.chat accepted it. */
    void initialize(Session session);

    /**
     * Asks t3.chat for a rotated {@code wos-session} cookie: the new value, or empty when the server did
     * not rotate it (the old one is still good).
     */
    Optional<String> renewWosSession(Session session);

    /** A session that is never opened nor renewed: for a transport of one's own, which sends no cookie. */
    SessionPort NONE = new SessionPort() {
        @Override
        public void initialize(Session session) {
        }

        @Override
        public Optional<String> renewWosSession(Session session) {
            return Optional.empty();
        }
    };
}
