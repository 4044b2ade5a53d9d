package io.github.t3chat4j.domain.session;

import static java.util.Objects.requireNonNull;

/**
 * The credentials of one signed-in t3.chat user: the cookie string and the convex session id.
 * Immutable; a refresh yields a new {@code Session}. {@link #toString()} never shows a secret.
 */
public record Session(SessionCookies cookies, ConvexSessionId convexSessionId) {

    private static final Session ANONYMOUS = new Session(SessionCookies.NONE, ConvexSessionId.NONE);

    public Session {
        requireNonNull(cookies, "cookies == null");
        requireNonNull(convexSessionId, "convexSessionId == null");
    }

    /**
     * Builds a session from what the user pasted. When {@code convexSessionId} is null or blank, the id
     * is read from the cookie string's {@code convex-session-id} cookie.
     *
     * @throws IllegalArgumentException if the cookie string is blank, or no convex session id is given
     *     and the cookies hold none
     */
    public static Session of(String cookieString, String convexSessionId) {
        SessionCookies cookies = SessionCookies.parse(cookieString);
        if (convexSessionId != null && !Secrets.stripQuotes(convexSessionId).isEmpty()) {
            return new Session(cookies, ConvexSessionId.of(convexSessionId));
        }
        String fromCookie = cookies.get(SessionCookies.CONVEX_SESSION_ID)
                .map(v -> v.replace("%22", "\""))
                .orElseThrow(() -> new IllegalArgumentException(
                        "No convex session id: give one, or a cookie string that holds the"
                                + " 'convex-session-id' cookie."));
        return new Session(cookies, ConvexSessionId.of(fromCookie));
    }

    /**
     * No credentials at all: for a transport of one's own (a test fake, a recording) that never sends
     * them. The HTTP adapters refuse to build a client without credentials unless it is given this session
     * explicitly; they then send no cookie, and only what the site shows everyone (the model catalogue)
     * can be read.
     */
    public static Session anonymous() {
        return ANONYMOUS;
    }

    /** Whether this is {@link #anonymous()}. */
    public boolean isAnonymous() {
        return cookies.size() == 0;
    }

    /** This session with a rotated {@code wos-session} cookie; every other cookie is kept. */
    public Session withRenewedWosSession(String newWosSession) {
        return new Session(cookies.withWosSession(newWosSession), convexSessionId);
    }

    @Override
    public String toString() {
        return "Session[" + cookies + ", " + convexSessionId + "]";
    }
}
