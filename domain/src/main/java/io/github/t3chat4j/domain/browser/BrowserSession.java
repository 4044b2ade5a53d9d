package io.github.t3chat4j.domain.browser;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.session.Session;
import java.util.List;

/**
 * The t3.chat session found in a browser's profile: the browser, the profile folder it came from, and
 * the credentials. {@link #toString()} names the cookies only, never a value.
 */
public record BrowserSession(Browser browser, String profile, Session session) {

    public BrowserSession {
        requireNonNull(browser, "browser == null");
        requireNonNull(profile, "profile == null");
        requireNonNull(session, "session == null");
    }

    /** The names of the cookies that were found, in the order they are sent. */
    public List<String> cookieNames() {
        return session.cookies().names();
    }

    @Override
    public String toString() {
        return "BrowserSession[" + browser.id() + ", " + profile + ", cookies=" + cookieNames() + ", values redacted]";
    }
}
