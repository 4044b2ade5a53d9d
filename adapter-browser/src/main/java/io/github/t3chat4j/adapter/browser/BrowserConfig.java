package io.github.t3chat4j.adapter.browser;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where browsers keep their profiles on this machine: the home folder, the environment (XDG folders,
 * {@code APPDATA}, {@code LOCALAPPDATA}, and {@code PATH} to find {@code secret-tool}, {@code kwallet-query}
 * or {@code security}), the operating system, and how long a keyring command may take.
 */
public record BrowserConfig(Path home, Map<String, String> env, Platform platform, Duration commandTimeout) {

    /** The operating systems whose browser layouts differ. */
    public enum Platform { LINUX, MAC, WINDOWS }

    public BrowserConfig {
        requireNonNull(home, "home == null");
        env = Map.copyOf(requireNonNull(env, "env == null"));
        requireNonNull(platform, "platform == null");
        requireNonNull(commandTimeout, "commandTimeout == null");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive");
        }
    }

    /** This machine, as {@code env} (usually {@code System.getenv()}) and the JVM's properties describe it. */
    public static BrowserConfig fromEnvironment(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Platform platform = os.startsWith("windows") ? Platform.WINDOWS
                : os.startsWith("mac") || os.startsWith("darwin") ? Platform.MAC : Platform.LINUX;
        String home = Optional.ofNullable(env.get("HOME")).filter(h -> !h.isBlank())
                .orElse(System.getProperty("user.home"));
        return new BrowserConfig(Path.of(home), env, platform, Duration.ofSeconds(20));
    }

    /** A non-blank environment variable. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return "BrowserConfig[" + home + ", " + platform + "]";
    }
}
