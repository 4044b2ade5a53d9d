package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.browser.Browser;
import io.github.t3chat4j.domain.browser.BrowserSessionLookup;

/**
 * Reads the t3.chat session (cookies and the convex session id) that a browser keeps in one of its
 * profiles on this machine. {@code profile} is empty for the browser's default profile, else a profile
 * name or a folder. A profile without a session is a {@link BrowserSessionLookup.NotFound}; a profile
 * that exists but cannot be read (a value that cannot be decrypted, a damaged database) throws
 * {@link io.github.t3chat4j.application.error.BrowserProfileException}. Never puts a value in a message.
 */
@FunctionalInterface
public interface LoadBrowserSessionPort {

    BrowserSessionLookup loadBrowserSession(Browser browser, String profile);
}
