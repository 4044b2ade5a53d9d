package io.github.t3chat4j.domain.account;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A place where the user is signed in to t3.chat. The IP address is personal data: it is held for
 * display but left out of {@link #toString()}.
 */
public record ActiveSession(String id, Optional<Instant> createdAt, Optional<Instant> expiresAt, String ipAddress,
        String userAgent) {

    public ActiveSession {
        requireNonNull(id, "id == null");
        requireNonNull(createdAt, "createdAt == null");
        requireNonNull(expiresAt, "expiresAt == null");
        requireNonNull(ipAddress, "ipAddress == null");
        requireNonNull(userAgent, "userAgent == null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("An active session needs an id.");
        }
    }

    @Override
    public String toString() {
        return "ActiveSession[id=" + id + ", createdAt=" + createdAt.map(Instant::toString).orElse("?")
                + ", expiresAt=" + expiresAt.map(Instant::toString).orElse("?") + ", userAgent=" + userAgent
                + ", ipAddress=redacted]";
    }
}
