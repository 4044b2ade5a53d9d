package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What every command gets from outside: the standard streams (as writers, so tests capture them), the
 * environment, whether the standard streams are terminals, the backends, the working folder (where a
 * {@code .env} file is looked for, and against which every relative path the user gives is resolved), and
 * the {@link RunHost} (Ctrl-C, the terminal's size). Nothing of a run may come from the JVM's own
 * environment, working folder or standard streams: the warm process serves many runs, each with its own.
 */
public record CliContext(
        PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean stdinIsTerminal,
        boolean stdoutIsTerminal, boolean stderrIsTerminal, Backend.Provider backends, Path workingDir,
        RunHost host) {

    public CliContext {
        requireNonNull(out, "out == null");
        requireNonNull(err, "err == null");
        requireNonNull(in, "in == null");
        env = Map.copyOf(requireNonNull(env, "env == null"));
        requireNonNull(backends, "backends == null");
        requireNonNull(workingDir, "workingDir == null");
        if (!workingDir.isAbsolute()) {
            throw new IllegalArgumentException("workingDir must be absolute, got " + workingDir);
        }
        requireNonNull(host, "host == null");
    }

    /** A run with the JVM to itself ({@link RunHost#PROCESS}). */
    public CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
            boolean stdinIsTerminal, boolean stdoutIsTerminal, boolean stderrIsTerminal, Backend.Provider backends,
            Path workingDir) {
        this(out, err, in, env, stdinIsTerminal, stdoutIsTerminal, stderrIsTerminal, backends, workingDir,
                RunHost.PROCESS);
    }

    /** {@code path} as the user meant it: a relative one is taken from the run's working folder. */
    public Path resolve(Path path) {
        return workingDir.resolve(path);
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
