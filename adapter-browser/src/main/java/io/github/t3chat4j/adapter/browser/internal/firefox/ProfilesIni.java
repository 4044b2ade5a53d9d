package io.github.t3chat4j.adapter.browser.internal.firefox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Firefox's {@code profiles.ini}: {@code [ProfileN]} sections ({@code Name}, {@code Path},
 * {@code IsRelative}, {@code Default=1}) and {@code [Install…]} sections whose {@code Default} names the
 * profile an installation opens, which wins over {@code Default=1}.
 */
final class ProfilesIni {

    /** One profile of the file, its folder resolved. */
    record Profile(String name, Path folder, boolean markedDefault) {
    }

    private final List<Profile> profiles;
    private final List<Path> installDefaults;

    private ProfilesIni(List<Profile> profiles, List<Path> installDefaults) {
        this.profiles = List.copyOf(profiles);
        this.installDefaults = List.copyOf(installDefaults);
    }

    /** Parses the lines of {@code profiles.ini} found in {@code root}. */
    static ProfilesIni parse(List<String> lines, Path root) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(),
                        k -> new LinkedHashMap<>());
            } else if (current != null && line.indexOf('=') > 0) {
                int eq = line.indexOf('=');
                current.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
            }
        }
        List<Profile> profiles = new ArrayList<>();
        List<Path> installDefaults = new ArrayList<>();
        sections.forEach((name, keys) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("profile") && keys.containsKey("path")) {
                Path folder = folder(root, keys.get("path"), !"0".equals(keys.getOrDefault("isrelative", "1")));
                profiles.add(new Profile(keys.getOrDefault("name", folder.getFileName().toString()), folder,
                        "1".equals(keys.get("default"))));
            } else if (lower.startsWith("install") && keys.containsKey("default")) {
                installDefaults.add(folder(root, keys.get("default"), true).normalize());
            }
        });
        return new ProfilesIni(profiles, installDefaults);
    }

    private static Path folder(Path root, String path, boolean relative) {
        // profiles.ini writes relative paths with forward slashes on every platform.
        String local = path.replace('/', root.getFileSystem().getSeparator().charAt(0));
        return relative ? root.resolve(local) : Path.of(local);
    }

    List<Profile> profiles() {
        return profiles;
    }

    /** The profile Firefox opens: an installation's default, else the one marked {@code Default=1}, else the first. */
    Optional<Profile> defaultProfile() {
        for (Path install : installDefaults) {
            for (Profile profile : profiles) {
                if (profile.folder().normalize().equals(install)) {
                    return Optional.of(profile);
                }
            }
        }
        return profiles.stream().filter(Profile::markedDefault).findFirst().or(() -> profiles.stream().findFirst());
    }
}
