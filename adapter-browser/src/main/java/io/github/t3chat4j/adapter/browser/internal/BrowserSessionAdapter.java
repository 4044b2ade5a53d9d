package io.github.t3chat4j.adapter.browser.internal;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.browser.BrowserConfig;
import io.github.t3chat4j.adapter.browser.internal.chromium.ChromiumReader;
import io.github.t3chat4j.adapter.browser.internal.firefox.FirefoxReader;
import io.github.t3chat4j.application.port.out.LoadBrowserSessionPort;
import io.github.t3chat4j.domain.browser.Browser;
import io.github.t3chat4j.domain.browser.BrowserSessionLookup;
import java.time.Clock;

/**
 * {@link LoadBrowserSessionPort} over the profiles on this machine: Firefox-family browsers through
 * {@link FirefoxReader}, Chromium-family ones through {@link ChromiumReader}. Each read copies the
 * databases it needs into a private temporary folder and deletes it before returning. Thread-safe: reads
 * share nothing.
 */
public final class BrowserSessionAdapter implements LoadBrowserSessionPort {

    private final FirefoxReader firefox;
    private final ChromiumReader chromium;

    public BrowserSessionAdapter(BrowserConfig config, Clock clock) {
        requireNonNull(config, "config == null");
        requireNonNull(clock, "clock == null");
        this.firefox = new FirefoxReader(config, clock);
        this.chromium = new ChromiumReader(config, clock);
    }

    @Override
    public BrowserSessionLookup loadBrowserSession(Browser browser, String profile) {
        requireNonNull(browser, "browser == null");
        requireNonNull(profile, "profile == null");
        return switch (browser.family()) {
            case FIREFOX -> firefox.read(browser, profile);
            case CHROMIUM -> chromium.read(browser, profile);
        };
    }
}
