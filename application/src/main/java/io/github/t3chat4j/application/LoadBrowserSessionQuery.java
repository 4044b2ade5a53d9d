package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.domain.browser.Browser;

/**
 * Which browser profile to read: {@code profile} is empty for the browser's default profile, else a
 * profile name (Firefox's {@code profiles.ini} name, a Chromium folder such as {@code Profile 1}) or a
 * folder path.
 */
public record LoadBrowserSessionQuery(Browser browser, String profile) {

    public LoadBrowserSessionQuery {
        requireNonNull(browser, "browser == null");
        profile = requireNonNull(profile, "profile == null").strip();
    }

    /**
     * Parses {@code BROWSER[:PROFILE]}, such as {@code firefox}, {@code chrome:Profile 1} or
     * {@code chromium:/tmp/profile}.
     *
     * @throws InvalidInputException naming the browsers t3 knows when the browser is not one of them
     */
    public static LoadBrowserSessionQuery parse(String spec) {
        requireNonNull(spec, "spec == null");
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String profile = colon < 0 ? "" : spec.substring(colon + 1);
        Browser browser = Browser.byName(name).orElseThrow(() -> new InvalidInputException(
                "Unknown browser '" + name.strip() + "'; use one of " + Browser.names()
                        + ", optionally followed by :PROFILE (a profile name or folder)."));
        return new LoadBrowserSessionQuery(browser, profile);
    }
}
