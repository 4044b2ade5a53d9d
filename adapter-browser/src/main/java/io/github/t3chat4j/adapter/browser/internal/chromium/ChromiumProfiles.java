package io.github.t3chat4j.adapter.browser.internal.chromium;

import io.github.t3chat4j.adapter.browser.BrowserConfig;
import io.github.t3chat4j.domain.browser.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a Chromium-family browser keeps its user-data folder on Linux, macOS and Windows, and which
 * profiles a {@code PROFILE} means: a profile folder (one with a {@code Cookies} database), a user-data
 * folder (its profiles), a profile folder's name such as {@code Profile 1}, or, when empty, {@code Default}
 * first and then the others.
 */
final class ChromiumProfiles {

    /** The profiles to read, in order, or (when there are none) the places looked in. */
    record Candidates(List<Path> profiles, List<String> lookedIn) {
    }

    private final BrowserConfig config;
    private final Browser browser;

    ChromiumProfiles(BrowserConfig config, Browser browser) {
        this.config = config;
        this.browser = browser;
    }

    /** The user-data folders this browser may use. */
    List<Path> userDataFolders() {
        Path home = config.home();
        List<Path> folders = new ArrayList<>();
        switch (config.platform()) {
            case LINUX -> {
                Path xdgConfig = config.variable("XDG_CONFIG_HOME").map(Path::of).orElse(home.resolve(".config"));
                switch (browser) {
                    case CHROME -> folders.add(xdgConfig.resolve("google-chrome"));
                    case BRAVE -> folders.add(xdgConfig.resolve("BraveSoftware/Brave-Browser"));
                    case EDGE -> folders.add(xdgConfig.resolve("microsoft-edge"));
                    default -> {
                        folders.add(xdgConfig.resolve("chromium"));
                        folders.add(home.resolve("snap/chromium/common/chromium"));
                    }
                }
            }
            case MAC -> {
                Path support = home.resolve("Library/Application Support");
                folders.add(support.resolve(switch (browser) {
                    case CHROME -> "Google/Chrome";
                    case BRAVE -> "BraveSoftware/Brave-Browser";
                    case EDGE -> "Microsoft Edge";
                    default -> "Chromium";
                }));
            }
            case WINDOWS -> {
                Path local = config.variable("LOCALAPPDATA").map(Path::of).orElse(home.resolve("AppData/Local"));
                folders.add(local.resolve(switch (browser) {
                    case CHROME -> "Google/Chrome/User Data";
                    case BRAVE -> "BraveSoftware/Brave-Browser/User Data";
                    case EDGE -> "Microsoft/Edge/User Data";
                    default -> "Chromium/User Data";
                }));
            }
        }
        return folders;
    }

    Candidates candidates(String spec) {
        if (!spec.isEmpty() && Files.isDirectory(Path.of(spec))) {
            Path folder = Path.of(spec).toAbsolutePath();
            if (ChromiumReader.cookiesFile(folder).isPresent()) {
                return new Candidates(List.of(folder), List.of());
            }
            List<Path> profiles = profilesIn(folder);
            return new Candidates(profiles, profiles.isEmpty()
                    ? List.of(folder + " (no Cookies database, and no profile folder in it)") : List.of());
        }
        Set<Path> ordered = new LinkedHashSet<>();
        List<String> lookedIn = new ArrayList<>();
        for (Path userData : userDataFolders()) {
            if (!Files.isDirectory(userData)) {
                lookedIn.add(userData + " (not there)");
            } else if (spec.isEmpty()) {
                List<Path> profiles = profilesIn(userData);
                if (profiles.isEmpty()) {
                    lookedIn.add(userData + " (no profile with a Cookies database)");
                }
                ordered.addAll(profiles);
            } else if (Files.isDirectory(userData.resolve(spec))) {
                ordered.add(userData.resolve(spec));
            } else {
                lookedIn.add(userData.resolve(spec) + " (no " + browser.displayName() + " profile folder '"
                        + spec + "'; its profiles are: " + String.join(", ", profilesIn(userData).stream()
                                .map(p -> p.getFileName().toString()).toList()) + ")");
            }
        }
        return new Candidates(List.copyOf(ordered), lookedIn);
    }

    /** The profile folders of a user-data folder: {@code Default} first, then the others by name. */
    private static List<Path> profilesIn(Path userData) {
        try (Stream<Path> children = Files.list(userData)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> ChromiumReader.cookiesFile(p).isPresent())
                    .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().equals("Default"))
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + userData, e);
        }
    }
}
