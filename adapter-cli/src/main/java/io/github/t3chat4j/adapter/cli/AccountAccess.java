package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.AccountClient;
import io.github.t3chat4j.domain.session.Session;
import java.util.function.UnaryOperator;

/**
 * Account data and the model catalogue for one signed-in user, with what must be closed afterwards
 * (the HTTP client, the demo server). {@code session} is as configured, not yet renewed: call
 * {@link #renewedSession()} once, or use a {@link io.github.t3chat4j.application.T3Client}'s session
 * that was renewed already (renewing the same cookie twice may be refused). {@link #toString()} is
 * redacted with the session's.
 */
public record AccountAccess(AccountClient client, Session session, UnaryOperator<Session> renewal,
        AutoCloseable resources) implements AutoCloseable {

    public AccountAccess {
        requireNonNull(client, "client == null");
        requireNonNull(session, "session == null");
        requireNonNull(renewal, "renewal == null");
        requireNonNull(resources, "resources == null");
    }

    /** Renews the rotating session cookie and returns the session to use. */
    public Session renewedSession() {
        return renewal.apply(session);
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Closing the account connection failed", e);
        }
    }
}
