package io.github.t3chat4j.application.error;

/** t3.chat refused the session (401, or 403 with a JSON body) even after a refresh: fresh cookies are needed. */
public class SessionExpiredException extends T3ChatException {

    /**
     * @param detail what t3.chat said or did; the advice of {@link Remedy#NEW_CREDENTIALS} follows it
     */
    public SessionExpiredException(String detail) {
        super(detail, Remedy.NEW_CREDENTIALS);
    }

    /**
     * The standard exception for a status the server answered with.
     *
     * @param status the HTTP status (401, or 403 with JSON)
     * @return the exception
     */
    public static SessionExpiredException forStatus(int status) {
        return new SessionExpiredException("t3.chat rejected the session (HTTP " + status + ").");
    }
}
