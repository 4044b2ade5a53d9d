package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.adapter.cli.Cli;
import io.github.t3chat4j.adapter.cli.CliContext;
import io.github.t3chat4j.adapter.cli.RunHost;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The {@code t3} program: wires the real adapters and runs the command line. */
public final class Main {

    static final String GUICE_BYTECODE_GEN = "guice_bytecode_gen_option";

    private Main() {
    }

    /**
     * The one place that reads this process's environment and working folder: they become the run's
     * {@link CliContext}, from which everything else takes them.
     */
    public static void main(String[] args) {
        System.exit(runProcess(args));
    }

    /**
     * Runs {@code t3 args} in this JVM, over its own standard streams, environment, working folder and
     * terminal; returns the exit code.
     */
    static int runProcess(String... args) {
        if (System.getProperty(GUICE_BYTECODE_GEN) == null) {
            // A run lasts seconds: Guice's generated constructor classes cost more to make than they save.
            System.setProperty(GUICE_BYTECODE_GEN, "DISABLED");
        }
        Map<String, String> env = System.getenv();
        EarlyStart.forArguments(List.of(args), env);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        Path workingDir = Path.of("").toAbsolutePath();
        CliContext context = new CliContext(out, err, System.in, env, Terminals.stdinIsTerminal(),
                Terminals.stdoutIsTerminal(), Terminals.stderrIsTerminal(), new CompositionRoot(err, workingDir, null),
                workingDir, ownProcess(Terminals.measuredSize()));
        return run(context, args);
    }

    /** This JVM as a run's host, with the terminal's size the launcher measured (when it did). */
    private static RunHost ownProcess(int[] measured) {
        if (measured[0] <= 0) {
            return RunHost.PROCESS;
        }
        return new RunHost() {
            @Override
            public Registration onInterrupt(Runnable action) {
                return RunHost.PROCESS.onInterrupt(action);
            }

            @Override
            public int terminalColumns() {
                return measured[0];
            }

            @Override
            public int terminalRows() {
                return measured[1];
            }
        };
    }

    /** Runs {@code t3} with the given streams and environment; used by {@link #main} and by tests. */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, boolean stdinIsTerminal,
            boolean stdoutIsTerminal, String... args) {
        return run(new CliContext(out, err, System.in, env, stdinIsTerminal, stdoutIsTerminal, stdoutIsTerminal,
                new CompositionRoot(err, Path.of("").toAbsolutePath(), null), Path.of("").toAbsolutePath()), args);
    }

    /** Runs {@code t3} over a ready context. */
    public static int run(CliContext context, String... args) {
        return Cli.run(context, args);
    }
}
