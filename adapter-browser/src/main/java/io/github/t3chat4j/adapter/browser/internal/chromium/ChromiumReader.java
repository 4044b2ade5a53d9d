package io.github.t3chat4j.adapter.browser.internal.chromium;

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
import java.util.Optional;

/**
 * Reads the t3.chat session of a Chromium-family browser: finds the profiles, copies each one's
 * {@code Cookies} database and local storage to a private folder, decrypts the cookies and reads the
 * convex session id there.
 */
public final class ChromiumReader {

    private final BrowserConfig config;
    private final Clock clock;

    public ChromiumReader(BrowserConfig config, Clock clock) {
        this.config = requireNonNull(config, "config == null");
        this.clock = requireNonNull(clock, "clock == null");
    }

    public BrowserSessionLookup read(Browser browser, String profile) {
        ChromiumProfiles.Candidates candidates = new ChromiumProfiles(config, browser).candidates(profile);
        if (candidates.profiles().isEmpty()) {
            return new BrowserSessionLookup.NotFound(browser, candidates.lookedIn(),
                    "no " + browser.displayName() + " profile found");
        }
        ChromiumKeys keys = new ChromiumKeys(config, browser);
        return ProfileSearch.firstFound(browser, candidates.profiles(), p -> readProfile(browser, keys, p));
    }

    /** The profile's cookie database: {@code Network/Cookies} since Chromium 96, {@code Cookies} before. */
    static Optional<Path> cookiesFile(Path profile) {
        for (Path candidate : List.of(profile.resolve("Network").resolve("Cookies"), profile.resolve("Cookies"))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private ProfileOutcome readProfile(Browser browser, ChromiumKeys keys, Path profile) {
        Optional<Path> cookiesFile = cookiesFile(profile);
        if (cookiesFile.isEmpty()) {
            return ProfileOutcome.missing("no Cookies database: not a " + browser.displayName() + " profile");
        }
        try (ProfileCopy copy = ProfileCopy.create()) {
            SqliteDatabase database = new SqliteDatabase(copy.copyDatabase(cookiesFile.get()), cookiesFile.get());
            List<BrowserCookie> stored = new ChromiumCookies(config, browser, keys).read(database, cookiesFile.get());
            List<BrowserCookie> usable = T3ChatCookies.usable(stored, clock.instant());
            if (usable.isEmpty()) {
                return ProfileOutcome.of(usable, Optional.empty());
            }
            return ProfileOutcome.of(usable, ChromiumLocalStorage.read(profile, copy));
        }
    }
}
