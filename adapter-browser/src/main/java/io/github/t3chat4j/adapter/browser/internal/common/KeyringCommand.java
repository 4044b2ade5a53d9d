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
import java.util.concurrent.TimeUnit;

/**
 * Runs a program that prints a secret (a keyring's password for a browser's cookies) and returns what it
 * printed. The program is found on the {@code PATH} given (not the JVM's), its arguments are names only,
 * and neither its output nor its error text ever reaches a message. A missing program, a failure or a
 * timeout give an empty answer.
 */
public final class KeyringCommand {

    private final Map<String, String> env;
    private final Duration timeout;

    public KeyringCommand(Map<String, String> env, Duration timeout) {
        this.env = Map.copyOf(requireNonNull(env, "env == null"));
        this.timeout = requireNonNull(timeout, "timeout == null");
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
