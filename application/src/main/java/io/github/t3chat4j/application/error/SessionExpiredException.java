package io.github.t3chat4j.application.error;

/** t3.chat refused the session (401, or 403 with a JSON body) even after a refresh: fresh cookies are needed. */
public class SessionExpiredException extends T3ChatException {

    public static final String ADVICE = "Sign in to t3.chat in your browser, then copy a fresh cookie string"
            + " (and convex session id) into COOKIES / CONVEX_SESSION_ID or run 't3 login'.";

    public SessionExpiredException(String message) {
        super(message);
    }

    /** The standard message for a status the server answered with. */
    public static SessionExpiredException forStatus(int status) {
        return new SessionExpiredException("t3.chat rejected the session (HTTP " + status + "). " + ADVICE);
    }
}
