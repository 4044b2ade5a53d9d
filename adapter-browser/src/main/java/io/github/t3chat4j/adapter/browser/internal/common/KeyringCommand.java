package io.github.t3chat4j.adapter.browser.internal.common;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program that prints a secret (a keyring's password for a browser's cookies) and returns what it
 * printed. The program is found on the {@code PATH} given (not the JVM's), its arguments are names only,
 * and neither its output nor its error text ever reaches a message. A missing program, a failure or a
 * timeout give an empty answer. The program gets a trimmed environment: only what a keyring client needs
 * to find the user's session and the desktop ({@link #KEPT_VARIABLES}), never {@code COOKIES}, a proxy's
 * password or anything else of the caller's.
 */
public final class KeyringCommand {

    /**
     * The only variables of the environment a keyring program gets: where it is and whose session it
     * serves ({@code PATH}, {@code HOME}, the user, the language), and how it reaches the keyring daemon
     * (D-Bus, the runtime folder, the display: {@code secret-tool} and {@code kwallet-query} talk to it
     * over the session bus; macOS's {@code security} needs the first group only).
     */
    static final List<String> KEPT_VARIABLES = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE",
            "TZ", "TMPDIR", "SYSTEMROOT", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME",
            "XDG_DATA_HOME", "XDG_DATA_DIRS", "XDG_CONFIG_DIRS", "XDG_CURRENT_DESKTOP", "XDG_SESSION_TYPE",
            "DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "GNOME_KEYRING_CONTROL", "KDE_FULL_SESSION",
            "KDE_SESSION_VERSION");

    private final Map<String, String> env;
    private final Duration timeout;

    public KeyringCommand(Map<String, String> env, Duration timeout) {
        this.env = trimmed(requireNonNull(env, "env == null"));
        this.timeout = requireNonNull(timeout, "timeout == null");
    }

    /** The variables of {@code env} a keyring program may see: {@link #KEPT_VARIABLES} and {@code LC_*}. */
    static Map<String, String> trimmed(Map<String, String> env) {
        Map<String, String> kept = new TreeMap<>();
        env.forEach((name, value) -> {
            if (KEPT_VARIABLES.contains(name) || name.startsWith("LC_")) {
                kept.put(name, value);
            }
        });
        return Map.copyOf(kept);
    }

    /** Whether {@code program} is on the {@code PATH}. */
    public boolean available(String program) {
        return find(program).isPresent();
    }

    /** What {@code program args…} printed on standard output, without the final line break, if it succeeded. */
    public Optional<String> secret(String program, String... args) {
        Optional<Path> executable = find(program);
        if (executable.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(executable.get().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> drain(process.getInputStream(), out), "t3-keyring-reader");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            reader.join(timeout.toMillis());
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            String printed = out.toString(StandardCharsets.UTF_8);
            printed = printed.endsWith("\n") ? printed.substring(0, printed.length() - 1) : printed;
            return printed.isEmpty() ? Optional.empty() : Optional.of(printed);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // The program was stopped: what it printed so far is discarded by the caller.
        }
    }

    private Optional<Path> find(String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : List.of(program, program + ".exe")) {
                Path candidate = Path.of(dir).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String nullDevice() {
        return File.separatorChar == '\\' ? "NUL" : "/dev/null";
    }
}
