package io.github.t3chat4j.adapter.browser.internal.firefox;

import io.github.t3chat4j.adapter.browser.BrowserConfig;
import io.github.t3chat4j.application.error.BrowserProfileException;
import io.github.t3chat4j.domain.browser.Browser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a Firefox-family browser keeps its profiles on Linux, macOS and Windows, and which of them a
 * {@code PROFILE} means: a folder, a name from {@code profiles.ini} (or a profile folder's name), or, when
 * empty, the default profile first and then the others.
 */
final class FirefoxProfiles {

    /** The profiles to read, in order, or (when there are none) the places looked in. */
    record Candidates(List<Path> profiles, List<String> lookedIn) {
    }

    private final BrowserConfig config;
    private final Browser browser;

    FirefoxProfiles(BrowserConfig config, Browser browser) {
        this.config = config;
        this.browser = browser;
    }

    /** The folders that may hold this browser's {@code profiles.ini}, most usual first. */
    List<Path> roots() {
        Path home = config.home();
        List<Path> roots = new ArrayList<>();
        switch (config.platform()) {
            case LINUX -> {
                Path xdgConfig = config.variable("XDG_CONFIG_HOME").map(Path::of).orElse(home.resolve(".config"));
                switch (browser) {
                    case LIBREWOLF -> {
                        roots.add(home.resolve(".librewolf"));
                        roots.add(home.resolve(".var/app/io.gitlab.librewolf-community/.librewolf"));
                    }
                    case WATERFOX -> roots.add(home.resolve(".waterfox"));
                    default -> {
                        roots.add(home.resolve(".mozilla/firefox"));
                        roots.add(xdgConfig.resolve("mozilla/firefox"));
                        roots.add(home.resolve("snap/firefox/common/.mozilla/firefox"));
                        roots.add(home.resolve(".var/app/org.mozilla.firefox/.mozilla/firefox"));
                    }
                }
            }
            case MAC -> {
                Path support = home.resolve("Library/Application Support");
                roots.add(support.resolve(switch (browser) {
                    case LIBREWOLF -> "librewolf";
                    case WATERFOX -> "Waterfox";
                    default -> "Firefox";
                }));
            }
            case WINDOWS -> {
                Path appData = config.variable("APPDATA").map(Path::of).orElse(home.resolve("AppData/Roaming"));
                roots.add(switch (browser) {
                    case LIBREWOLF -> appData.resolve("librewolf");
                    case WATERFOX -> appData.resolve("Waterfox");
                    default -> appData.resolve("Mozilla/Firefox");
                });
            }
        }
        return roots;
    }

    /** The profiles {@code spec} means, in the order to read them. */
    Candidates candidates(String spec) {
        if (!spec.isEmpty() && Files.isDirectory(Path.of(spec))) {
            return new Candidates(List.of(Path.of(spec).toAbsolutePath()), List.of());
        }
        List<String> lookedIn = new ArrayList<>();
        Set<Path> ordered = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (Path root : roots()) {
            Path ini = root.resolve("profiles.ini");
            if (!Files.isRegularFile(ini)) {
                lookedIn.add(ini + " (not there)");
                continue;
            }
            ProfilesIni profiles = read(ini, root);
            if (spec.isEmpty()) {
                profiles.defaultProfile().ifPresent(p -> ordered.add(p.folder()));
                profiles.profiles().forEach(p -> ordered.add(p.folder()));
            } else {
                for (ProfilesIni.Profile profile : profiles.profiles()) {
                    names.add(profile.name());
                    if (profile.name().equalsIgnoreCase(spec) || profile.folder().getFileName().toString()
                            .toLowerCase(Locale.ROOT).equals(spec.toLowerCase(Locale.ROOT))) {
                        ordered.add(profile.folder());
                    }
                }
            }
        }
        if (!spec.isEmpty() && ordered.isEmpty()) {
            lookedIn.add("no " + browser.displayName() + " profile is named '" + spec + "' and no such folder exists"
                    + (names.isEmpty() ? "" : "; its profiles are: " + String.join(", ", names)));
        }
        return new Candidates(List.copyOf(ordered), lookedIn);
    }

    private ProfilesIni read(Path ini, Path root) {
        try {
            return ProfilesIni.parse(Files.readAllLines(ini, StandardCharsets.UTF_8), root);
        } catch (IOException e) {
            throw new BrowserProfileException("Could not read " + ini + " (" + e.getClass().getSimpleName() + ").", e);
        }
    }
}
