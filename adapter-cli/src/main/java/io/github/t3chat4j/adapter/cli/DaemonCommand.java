package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code t3 daemon}: shows, starts and stops the warm process that serves runs of {@code t3} quickly. */
@Command(name = "daemon",
        mixinStandardHelpOptions = true,
        description = {"Show, start or stop t3's warm process.",
            "The launcher hands each run to a t3 process kept warm between runs (one per",
            "user, home folder, JDK and installation), so a command starts in a fraction",
            "of the time and reuses its connection to t3.chat. The first run starts it in",
            "the background; it exits after 10 minutes without a run (T3_DAEMON_IDLE),",
            "when t3 or the JDK is updated, or on t3 daemon stop. T3_DAEMON=off",
            "(environment or config file) runs every command in a JVM of its own."},
        footer = {"", "Examples:", "  t3 daemon status", "  t3 daemon stop", "  T3_DAEMON=off t3 ask \"hi\""},
        subcommands = {DaemonCommand.Status.class, DaemonCommand.Start.class, DaemonCommand.Stop.class})
final class DaemonCommand implements Callable<Integer> {

    @ParentCommand
    T3Command root;

    private final CliContext context;

    DaemonCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return new Status(context).report(context.warmProcess());
    }

    /** {@code t3 daemon status}. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Say whether it runs, and how it does.",
            footer = {"", "Example:", "  t3 daemon status"})
    static final class Status implements Callable<Integer> {
        private final CliContext context;

        Status(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return report(context.warmProcess());
        }

        int report(WarmProcess warm) {
            Optional<String> status = warm.status();
            if (status.isPresent()) {
                context.out().println("t3's warm process is running" + (warm.enabled() ? "." : ", but T3_DAEMON is off:"
                        + " runs do not use it."));
                print(context, status.get());
            } else {
                context.out().println("t3's warm process is not running" + (warm.enabled()
                        ? "; the next command (or t3 daemon start) starts it."
                        : ", and T3_DAEMON is off: every command runs in a JVM of its own."));
            }
            context.out().flush();
            return ExitCode.OK;
        }
    }

    /** {@code t3 daemon start}. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start it now (the first command would), and wait until it answers.",
            footer = {"", "Example:", "  t3 daemon start"})
    static final class Start implements Callable<Integer> {
        private final CliContext context;

        Start(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            WarmProcess warm = context.warmProcess();
            boolean running = warm.status().isPresent();
            String status = warm.start();
            context.out().println(running ? "t3's warm process was running already." : "Started t3's warm process.");
            print(context, status);
            context.out().flush();
            return ExitCode.OK;
        }
    }

    /** {@code t3 daemon stop}. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop it (runs under way finish first); the next command starts a new one.",
            footer = {"", "Example:", "  t3 daemon stop"})
    static final class Stop implements Callable<Integer> {
        private final CliContext context;

        Stop(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Optional<String> stopped = context.warmProcess().stop();
            if (stopped.isEmpty()) {
                context.out().println("t3's warm process is not running.");
            } else {
                context.out().println("Stopped t3's warm process.");
                print(context, stopped.get());
            }
            context.out().flush();
            return ExitCode.OK;
        }
    }

    private static void print(CliContext context, String status) {
        status.lines().forEach(line -> context.out().println("  " + TerminalSafe.text(line)));
    }
}
