package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.session.Session;
import java.time.Instant;
import java.util.Optional;

/**
 * Told by the session keeper whenever t3.chat rotated the {@code wos-session} cookie, so that the new
 * session can outlive this process (the storage adapter writes it back to the config file it came
 * from). Called on the thread that renewed, after the keeper switched to the new session; a failure is
 * reported by throwing {@link io.github.t3chat4j.application.error.StorageException}; the keeper hands
 * it to the client's warning listener and never lets it break the request that renewed.
 *
 * <p>A store may also remember when it last renewed a session ({@link #saveRenewedSession},
 * {@link #lastRenewal}): the keeper then skips the renewal before the first use of a session renewed
 * moments ago by an earlier process, saving a round trip.
 */
@FunctionalInterface
public interface SaveSessionPort {

    /** Keeps nothing: for credentials that came from somewhere the program must not write to. */
    SaveSessionPort NONE = session -> { };

    void saveSession(Session session);

    /**
     * Told after every renewal t3.chat answered, whether it rotated the cookie or not: the session in use
     * afterwards and when it was renewed. By default a rotated session goes to {@link #saveSession} and
     * the time is forgotten.
     */
    default void saveRenewedSession(Session session, boolean rotated, Instant renewedAt) {
        if (rotated) {
            saveSession(session);
        }
    }

    /**
     * When this very session (the same cookie string) was last renewed, as far as this store knows; empty
     * by default, and when the store holds another session.
     */
    default Optional<Instant> lastRenewal(Session session) {
        return Optional.empty();
    }
}
