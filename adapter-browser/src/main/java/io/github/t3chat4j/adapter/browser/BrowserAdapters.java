package io.github.t3chat4j.adapter.browser;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.browser.internal.BrowserSessionAdapter;
import io.github.t3chat4j.application.DrivenAdapters;
import io.github.t3chat4j.application.port.out.LoadBrowserSessionPort;
import java.time.Clock;
import java.util.Optional;

/**
 * The browser profile reader over one {@link BrowserConfig}, ready to hand to a builder:
 * {@code LocalClient.of(BrowserAdapters.create(config))}. It offers the browser session reader; creating it
 * touches no file, and nothing needs closing. Thread-safe.
 */
public final class BrowserAdapters implements DrivenAdapters {

    private final BrowserSessionAdapter browserSession;

    private BrowserAdapters(BrowserConfig config, Clock clock) {
        this.browserSession = new BrowserSessionAdapter(config, clock);
    }

    /** The reader of the profiles {@code config} describes, judging expiry by the system clock. */
    public static BrowserAdapters create(BrowserConfig config) {
        return create(config, Clock.systemUTC());
    }

    /** The reader of the profiles {@code config} describes, judging cookie expiry by {@code clock}. */
    public static BrowserAdapters create(BrowserConfig config, Clock clock) {
        return new BrowserAdapters(requireNonNull(config, "config == null"), requireNonNull(clock, "clock == null"));
    }

    /** @return the reader of browser profiles' sessions */
    @Override
    public Optional<LoadBrowserSessionPort> browserSessions() {
        return Optional.of(browserSession);
    }
}
