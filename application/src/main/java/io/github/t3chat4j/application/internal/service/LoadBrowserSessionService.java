package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.LoadBrowserSessionQuery;
import io.github.t3chat4j.application.internal.usecase.LoadBrowserSessionUseCase;
import io.github.t3chat4j.application.port.out.LoadBrowserSessionPort;
import io.github.t3chat4j.domain.browser.BrowserSessionLookup;

/**
 * Reads a browser's t3.chat session through {@link LoadBrowserSessionPort}, and holds the port to its
 * contract: a session found must come from the browser that was asked for.
 */
public final class LoadBrowserSessionService implements LoadBrowserSessionUseCase {

    private final LoadBrowserSessionPort browsers;

    public LoadBrowserSessionService(LoadBrowserSessionPort browsers) {
        this.browsers = requireNonNull(browsers, "browsers == null");
    }

    @Override
    public BrowserSessionLookup loadBrowserSession(LoadBrowserSessionQuery query) {
        requireNonNull(query, "query == null");
        BrowserSessionLookup lookup = requireNonNull(browsers.loadBrowserSession(query.browser(), query.profile()),
                "the browser adapter answered null");
        if (lookup instanceof BrowserSessionLookup.Found found && found.session().browser() != query.browser()) {
            throw new IllegalStateException("Asked for " + query.browser().id() + " but the adapter read "
                    + found.session().browser().id() + ".");
        }
        return lookup;
    }
}
