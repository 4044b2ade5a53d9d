package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.session.Session;
import java.util.Optional;

/**
 * Asks t3.chat for a rotated {@code wos-session} cookie. Returns the new value, or empty when the
 * server did not rotate it (the old one is still good). Throws the same errors as {@link StreamChatPort}.
 */
@FunctionalInterface
public interface RenewSessionPort {

    Optional<String> renewWosSession(Session session);
}
