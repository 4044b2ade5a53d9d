package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.session.Session;

/**
 * Told by the session keeper whenever t3.chat rotated the {@code wos-session} cookie, so that the new
 * session can outlive this process (the storage adapter writes it back to the config file it came
 * from). Called on the thread that renewed, after the keeper switched to the new session; a failure is
 * reported by throwing {@link io.github.t3chat4j.application.error.StorageException}; the keeper hands
 * it to the client's warning listener and never lets it break the request that renewed.
 */
@FunctionalInterface
public interface SaveSessionPort {

    /** Keeps nothing: for credentials that came from somewhere the program must not write to. */
    SaveSessionPort NONE = session -> { };

    void saveSession(Session session);
}
