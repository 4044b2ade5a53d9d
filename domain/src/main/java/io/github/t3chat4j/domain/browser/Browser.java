package io.github.t3chat4j.domain.browser;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser whose profile t3 can read, by the name a user types ({@code firefox}, {@code chrome}, …),
 * and the family whose on-disk layout it shares.
 */
public enum Browser {
    FIREFOX("firefox", "Firefox", Family.FIREFOX),
    LIBREWOLF("librewolf", "LibreWolf", Family.FIREFOX),
    WATERFOX("waterfox", "Waterfox", Family.FIREFOX),
    CHROMIUM("chromium", "Chromium", Family.CHROMIUM),
    CHROME("chrome", "Google Chrome", Family.CHROMIUM),
    BRAVE("brave", "Brave", Family.CHROMIUM),
    EDGE("edge", "Microsoft Edge", Family.CHROMIUM);

    /** Browsers that keep the same files in the same layout. */
    public enum Family {
        /** {@code profiles.ini}, {@code cookies.sqlite}, local storage in {@code storage/default}. */
        FIREFOX,
        /** {@code Cookies} (encrypted values), local storage in {@code Local Storage/leveldb}. */
        CHROMIUM
    }

    private final String id;
    private final String displayName;
    private final Family family;

    Browser(String id, String displayName, Family family) {
        this.id = id;
        this.displayName = displayName;
        this.family = family;
    }

    /** The name a user types, such as {@code firefox}. */
    public String id() {
        return id;
    }

    /** The name to show, such as {@code Google Chrome}. */
    public String displayName() {
        return displayName;
    }

    public Family family() {
        return family;
    }

    /** The browser a user named (any case, {@code google-chrome} and {@code microsoft-edge} too). */
    public static Optional<Browser> byName(String name) {
        String wanted = requireNonNull(name, "name == null").strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("google-chrome")) {
            wanted = "chrome";
        } else if (wanted.equals("microsoft-edge")) {
            wanted = "edge";
        }
        for (Browser browser : values()) {
            if (browser.id.equals(wanted)) {
                return Optional.of(browser);
            }
        }
        return Optional.empty();
    }

    /** Every name {@link #byName} accepts, for messages: {@code firefox, librewolf, …}. */
    public static String names() {
        return Arrays.stream(values()).map(Browser::id).collect(Collectors.joining(", "));
    }
}
