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
 * or {@code security}), the operating system, and how long a keyring command may take. Immutable: made
 * with {@link #fromEnvironment(Map)} or {@link #of(Path, Map)}, changed with the {@code with…} methods.
 */
public final class BrowserConfig {

    /** The operating systems whose browser layouts differ. */
    public enum Platform {
        /** Linux and other Unix desktops. */
        LINUX,
        /** macOS. */
        MAC,
        /** Windows. */
        WINDOWS
    }

    private final Path home;
    private final Map<String, String> env;
    private final Platform platform;
    private final Duration commandTimeout;

    private BrowserConfig(Path home, Map<String, String> env, Platform platform, Duration commandTimeout) {
        this.home = requireNonNull(home, "home == null");
        this.env = Map.copyOf(requireNonNull(env, "env == null"));
        this.platform = requireNonNull(platform, "platform == null");
        this.commandTimeout = requireNonNull(commandTimeout, "commandTimeout == null");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive");
        }
    }

    /**
     * The home folder {@code home} and the variables {@code env}, on this machine's platform, with 20 s for a
     * keyring command.
     *
     * @param home the home folder
     * @param env the variables
     * @return the settings
     */
    public static BrowserConfig of(Path home, Map<String, String> env) {
        return new BrowserConfig(home, env, thisPlatform(), Duration.ofSeconds(20));
    }

    /**
     * This machine, as {@code env} (usually {@code System.getenv()}) and the JVM's properties describe it.
     *
     * @param env the variables
     * @return the settings
     */
    public static BrowserConfig fromEnvironment(Map<String, String> env) {
        String home = Optional.ofNullable(env.get("HOME")).filter(h -> !h.isBlank())
                .orElse(System.getProperty("user.home"));
        return of(Path.of(home), env);
    }

    private static Platform thisPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.startsWith("windows") ? Platform.WINDOWS
                : os.startsWith("mac") || os.startsWith("darwin") ? Platform.MAC : Platform.LINUX;
    }

    /** @return the home folder */
    public Path home() {
        return home;
    }

    /** @return the variables */
    public Map<String, String> env() {
        return env;
    }

    /** @return the operating system whose browser layout is looked for */
    public Platform platform() {
        return platform;
    }

    /** @return how long a keyring command may take */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /**
     * @param value the operating system whose browser layout to look for
     * @return a copy for it
     */
    public BrowserConfig withPlatform(Platform value) {
        return new BrowserConfig(home, env, value, commandTimeout);
    }

    /**
     * @param value how long a keyring command may take
     * @return a copy with this limit
     */
    public BrowserConfig withCommandTimeout(Duration value) {
        return new BrowserConfig(home, env, platform, value);
    }

    /**
     * @param name a variable's name
     * @return its value, when set and not blank
     */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return "BrowserConfig[" + home + ", " + platform + "]";
    }
}
