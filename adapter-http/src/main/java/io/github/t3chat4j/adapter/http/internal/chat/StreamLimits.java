package io.github.t3chat4j.adapter.http.internal.chat;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The deadlines and sizes a reply stream is held to (from {@code HttpConfig}): the longest
 * wait for the next event, the longest whole reply, the largest body and the longest line.
 */
public record StreamLimits(Duration idleTimeout, Duration totalTimeout, long maxReplyBytes, int maxLineBytes) {

    /** The defaults of {@code HttpConfig}: 60 s between events, 15 minutes, 64 MiB, 16 MiB lines. */
    public static final StreamLimits DEFAULTS = new StreamLimits(Duration.ofSeconds(60), Duration.ofMinutes(15),
            64L * 1024 * 1024, 16 * 1024 * 1024);

    public StreamLimits {
        requireNonNull(idleTimeout, "idleTimeout == null");
        requireNonNull(totalTimeout, "totalTimeout == null");
    }

    /** These limits with a whole reply allowed {@code value} (a request's own deadline). */
    public StreamLimits withTotalTimeout(Duration value) {
        return new StreamLimits(idleTimeout, value, maxReplyBytes, maxLineBytes);
    }
}
