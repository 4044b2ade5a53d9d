package io.github.t3chat4j.adapter.browser.internal.common;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.session.Session;
import java.util.List;
import java.util.Optional;

/**
 * What one profile held: a usable t3.chat session, or the reason it did not (such as "no t3.chat
 * cookies"). The session's {@code toString()} is redacted.
 */
public record ProfileOutcome(Optional<Session> session, String reason) {

    public ProfileOutcome {
        requireNonNull(session, "session == null");
        requireNonNull(reason, "reason == null");
    }

    public static ProfileOutcome missing(String reason) {
        return new ProfileOutcome(Optional.empty(), reason);
    }

    /**
     * The session that {@code stored} cookies and the convex session id from local storage make, or
     * what is missing: cookies at all, the {@code wos-session} cookie, or the convex session id (which
     * may also come from a {@code convex-session-id} cookie).
     */
    public static ProfileOutcome of(List<BrowserCookie> usable, Optional<String> convexSessionId) {
        Optional<String> header = T3ChatCookies.header(usable);
        if (header.isEmpty()) {
            return missing("no t3.chat cookies: not signed in at t3.chat in this profile");
        }
        if (usable.stream().noneMatch(c -> c.name().equals("wos-session"))) {
            return missing("t3.chat cookies but no wos-session cookie: signed out of t3.chat in this profile");
        }
        boolean convexInCookies = usable.stream().anyMatch(c -> c.name().equals("convex-session-id"));
        if (convexSessionId.isEmpty() && !convexInCookies) {
            return missing("t3.chat cookies but no convex-session-id in the site's local storage:"
                    + " open t3.chat once in this profile");
        }
        try {
            return new ProfileOutcome(Optional.of(Session.of(header.get(), convexSessionId.orElse(null))), "found");
        } catch (IllegalArgumentException e) {
            return missing("the t3.chat cookies found do not make a session");
        }
    }

    @Override
    public String toString() {
        return "ProfileOutcome[" + (session.isPresent() ? "session, redacted" : reason) + "]";
    }
}
