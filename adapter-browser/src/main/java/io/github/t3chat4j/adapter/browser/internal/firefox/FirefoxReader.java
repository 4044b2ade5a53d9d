package io.github.t3chat4j.adapter.browser.internal.firefox;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.browser.BrowserConfig;
import io.github.t3chat4j.adapter.browser.internal.common.BrowserCookie;
import io.github.t3chat4j.adapter.browser.internal.common.ProfileCopy;
import io.github.t3chat4j.adapter.browser.internal.common.ProfileOutcome;
import io.github.t3chat4j.adapter.browser.internal.common.ProfileSearch;
import io.github.t3chat4j.adapter.browser.internal.common.SqliteDatabase;
import io.github.t3chat4j.adapter.browser.internal.common.T3ChatCookies;
import io.github.t3chat4j.domain.browser.Browser;
import io.github.t3chat4j.domain.browser.BrowserSessionLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Reads the t3.chat session of a Firefox-family browser: finds the profiles, copies each one's cookie and
 * local-storage databases to a private folder, and reads them there.
 */
public final class FirefoxReader {

    private final BrowserConfig config;
    private final Clock clock;

    public FirefoxReader(BrowserConfig config, Clock clock) {
        this.config = requireNonNull(config, "config == null");
        this.clock = requireNonNull(clock, "clock == null");
    }

    public BrowserSessionLookup read(Browser browser, String profile) {
        FirefoxProfiles.Candidates candidates = new FirefoxProfiles(config, browser).candidates(profile);
        if (candidates.profiles().isEmpty()) {
            return new BrowserSessionLookup.NotFound(browser, candidates.lookedIn(),
                    "no " + browser.displayName() + " profile found");
        }
        return ProfileSearch.firstFound(browser, candidates.profiles(), this::readProfile);
    }

    private ProfileOutcome readProfile(Path profile) {
        Path cookiesFile = profile.resolve("cookies.sqlite");
        if (!Files.isRegularFile(cookiesFile)) {
            return ProfileOutcome.missing("no cookies.sqlite: not a Firefox profile, or never used");
        }
        try (ProfileCopy copy = ProfileCopy.create()) {
            List<BrowserCookie> stored = FirefoxCookies.read(new SqliteDatabase(copy.copyDatabase(cookiesFile),
                    cookiesFile));
            List<BrowserCookie> usable = T3ChatCookies.usable(stored, clock.instant());
            if (usable.isEmpty()) {
                return ProfileOutcome.of(usable, java.util.Optional.empty());
            }
            return ProfileOutcome.of(usable, FirefoxLocalStorage.read(profile, copy));
        }
    }
}
