package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What every command gets from outside: the standard streams (as writers, so tests capture them), the
 * environment, whether standard input and output are terminals, the client factory, and the working
 * folder (where a {@code .env} file is looked for).
 */
public record CliContext(
        PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean stdinIsTerminal,
        boolean stdoutIsTerminal, ClientFactory clients, Path workingDir, boolean stderrIsTerminal) {

    public CliContext {
        requireNonNull(out, "out == null");
        requireNonNull(err, "err == null");
        requireNonNull(in, "in == null");
        env = Map.copyOf(requireNonNull(env, "env == null"));
        requireNonNull(clients, "clients == null");
        requireNonNull(workingDir, "workingDir == null");
    }

    /** A context whose standard error is a terminal exactly when standard output is. */
    public CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
            boolean stdinIsTerminal, boolean stdoutIsTerminal, ClientFactory clients, Path workingDir) {
        this(out, err, in, env, stdinIsTerminal, stdoutIsTerminal, clients, workingDir, stdoutIsTerminal);
    }

    /** A context whose working folder is the process's current directory. */
    public CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
            boolean stdinIsTerminal, boolean stdoutIsTerminal, ClientFactory clients) {
        this(out, err, in, env, stdinIsTerminal, stdoutIsTerminal, clients, Path.of("").toAbsolutePath());
    }

    /** A non-blank environment variable. */
    public Optional<String> env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The user's home folder: {@code HOME}, else the JVM's {@code user.home}. */
    Path home() {
        return Path.of(env("HOME").orElse(System.getProperty("user.home")));
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
