package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every command gets from outside: the standard streams (as writers, so tests capture them), the
 * environment, whether the standard streams are terminals, the services, the working folder (where a
 * {@code .env} file is looked for, and against which every relative path the user gives is resolved), and
 * the {@link RunHost} (Ctrl-C, the terminal's size). Everything a run depends on comes from here, never
 * from the process itself ({@code System.getenv()}, its working folder, its standard streams): the warm
 * process runs many commands, each with the environment, folder and streams its client handed over.
 * Settings are read from the environment and the folder by {@link ConfigResolver} and judged by
 * {@link TrustBoundary} alone; output code sees only the variables that describe the terminal
 * ({@link #terminalVariable}); the services get the environment to find folders, browsers, programs and
 * proxies ({@link #services}).
 */
public record CliContext(
        PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean stdinIsTerminal,
        boolean stdoutIsTerminal, boolean stderrIsTerminal, Services.Provider services, Path workingDir,
        RunHost host) {

    public CliContext {
        requireNonNull(out, "out == null");
        requireNonNull(err, "err == null");
        requireNonNull(in, "in == null");
        env = Map.copyOf(requireNonNull(env, "env == null"));
        requireNonNull(services, "services == null");
        requireNonNull(workingDir, "workingDir == null");
        if (!workingDir.isAbsolute()) {
            throw new IllegalArgumentException("workingDir must be absolute, got " + workingDir);
        }
        requireNonNull(host, "host == null");
    }

    /** A run with the JVM to itself ({@link RunHost#PROCESS}). */
    public CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
            boolean stdinIsTerminal, boolean stdoutIsTerminal, boolean stderrIsTerminal, Services.Provider services,
            Path workingDir) {
        this(out, err, in, env, stdinIsTerminal, stdoutIsTerminal, stderrIsTerminal, services, workingDir,
                RunHost.PROCESS);
    }

    /** {@code path} as the user meant it: a relative one is taken from the run's working folder. */
    public Path resolve(Path path) {
        return workingDir.resolve(path);
    }

    /** The variables that describe the terminal: all that output code may read of the environment. */
    static final Set<String> TERMINAL_VARIABLES = Set.of("TERM", "COLUMNS", "LINES", "NO_COLOR", "TERM_PROGRAM",
            "TMUX", "WT_SESSION", "KITTY_WINDOW_ID", "VTE_VERSION", "KONSOLE_VERSION", "T3_HYPERLINKS",
            "T3_CLIPBOARD");

    /** A non-blank environment variable. */
    public Optional<String> env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** A non-blank variable of those that describe the terminal ({@link #TERMINAL_VARIABLES}). */
    Optional<String> terminalVariable(String name) {
        if (!TERMINAL_VARIABLES.contains(name)) {
            throw new IllegalArgumentException(name + " does not describe the terminal");
        }
        return env(name);
    }

    /** The variables of the environment that describe the terminal, and nothing else. */
    Map<String, String> terminalVariables() {
        Map<String, String> terminal = new HashMap<>();
        env.forEach((name, value) -> {
            if (TERMINAL_VARIABLES.contains(name)) {
                terminal.put(name, value);
            }
        });
        return Map.copyOf(terminal);
    }

    /** The user's warm process for this run's environment ({@code t3 daemon}). */
    WarmProcess warmProcess() {
        return services.warmProcess(env);
    }

    /** The services of {@code profile}, over this run's environment (folders, browsers, programs, proxies). */
    Services services(Profile profile) {
        return services.services(profile, env);
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
        return terminalVariable("NO_COLOR").isEmpty() && !"dumb".equals(env.get("TERM"));
    }
}
