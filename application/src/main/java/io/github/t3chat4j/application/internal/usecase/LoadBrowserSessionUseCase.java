package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.application.LoadBrowserSessionQuery;
import io.github.t3chat4j.domain.browser.BrowserSessionLookup;

/**
 * Reads the t3.chat session a browser on this machine is signed in with, so that the user need not copy
 * it from the developer tools. Nothing is stored and nothing is sent: checking the session against
 * t3.chat and keeping it are the caller's next steps.
 */
public interface LoadBrowserSessionUseCase {

    /**
     * @return the session found, or where it was looked for in vain
     * @throws io.github.t3chat4j.application.error.BrowserProfileException when a profile exists but
     *     cannot be read
     */
    BrowserSessionLookup loadBrowserSession(LoadBrowserSessionQuery query);
}
