package io.github.t3chat4j.domain.browser;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What reading a browser's profile gave: a {@link Found session}, or {@link NotFound} with the profiles
 * that were looked in and why none would do. Not finding a session is an answer, not a failure.
 */
public sealed interface BrowserSessionLookup {

    /** A profile held a t3.chat session. */
    record Found(BrowserSession session) implements BrowserSessionLookup {
        public Found {
            requireNonNull(session, "session == null");
        }
    }

    /**
     * No profile held a usable t3.chat session.
     *
     * @param searched the profile folders (or, when none existed, the places) looked in
     * @param reason one sentence on what was missing, such as "no t3.chat cookies"
     */
    record NotFound(Browser browser, List<String> searched, String reason) implements BrowserSessionLookup {
        public NotFound {
            requireNonNull(browser, "browser == null");
            searched = List.copyOf(requireNonNull(searched, "searched == null"));
            requireNonNull(reason, "reason == null");
        }
    }
}
