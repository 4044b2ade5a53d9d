package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What every command gets from outside: the standard streams (as writers, so tests capture them), the
 * environment, whether the standard streams are terminals, the backends, and the working folder (where
 * a {@code .env} file is looked for).
 */
public record CliContext(
        PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean stdinIsTerminal,
        boolean stdoutIsTerminal, boolean stderrIsTerminal, Backend.Provider backends, Path workingDir) {

    public CliContext {
        requireNonNull(out, "out == null");
        requireNonNull(err, "err == null");
        requireNonNull(in, "in == null");
        env = Map.copyOf(requireNonNull(env, "env == null"));
        requireNonNull(backends, "backends == null");
        requireNonNull(workingDir, "workingDir == null");
    }

    /** A non-blank environment variable. */
    public Optional<String> env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Whether ANSI colour and control sequences may go to standard output. */
    boolean colour() {
        return stdoutIsTerminal && plainNotAsked();
    }

    /**
     * Whether a spinner, progress line or dimmed reasoning may go to standard error: both streams are
     * terminals (so {@code 2>file} and {@code | less} both get plain text) and colour is not turned off.
     */
    boolean errColour() {
        return stderrIsTerminal && stdoutIsTerminal && plainNotAsked();
    }

    private boolean plainNotAsked() {
        return env("NO_COLOR").isEmpty() && !"dumb".equals(env.get("TERM"));
    }
}
