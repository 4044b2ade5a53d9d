package io.github.t3chat4j.adapter.browser.internal.common;

import io.github.t3chat4j.domain.browser.Browser;
import io.github.t3chat4j.domain.browser.BrowserSession;
import io.github.t3chat4j.domain.browser.BrowserSessionLookup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads profiles in order until one holds a t3.chat session; when none does, the answer lists each
 * profile with what it lacked.
 */
public final class ProfileSearch {

    private ProfileSearch() {
    }

    /** The first profile of {@code profiles} whose {@code reader} outcome holds a session. */
    public static BrowserSessionLookup firstFound(Browser browser, List<Path> profiles,
            Function<Path, ProfileOutcome> reader) {
        List<String> searched = new ArrayList<>();
        String firstReason = null;
        for (Path profile : profiles) {
            ProfileOutcome outcome = reader.apply(profile);
            if (outcome.session().isPresent()) {
                return new BrowserSessionLookup.Found(new BrowserSession(browser, profile.toString(),
                        outcome.session().get()));
            }
            searched.add(profile + " (" + outcome.reason() + ")");
            if (firstReason == null) {
                firstReason = outcome.reason();
            }
        }
        return new BrowserSessionLookup.NotFound(browser, searched,
                firstReason == null ? "no profile to read" : "no profile holds a t3.chat session");
    }
}
