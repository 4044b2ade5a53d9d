package io.github.t3chat4j.adapter.cli;

/**
 * What a run gets from the process that serves it, besides its streams, environment and working folder:
 * Ctrl-C, and the size of the terminal on standard output. A run in a JVM of its own is served by that
 * JVM ({@link #PROCESS}: shutdown hooks, the terminal asked directly); a run of the warm process by the
 * client that handed it over, which forwards its signals and measured its terminal.
 */
public interface RunHost {

    /** The JVM this run has to itself: its shutdown hooks, its own terminal. */
    RunHost PROCESS = new RunHost() {
        @Override
        public Registration onInterrupt(Runnable action) {
            return Interrupts.onShutdown(action);
        }

        @Override
        public String toString() {
            return "RunHost.PROCESS";
        }
    };

    /**
     * Runs {@code action} when the user presses Ctrl-C (or the run is told to stop): the action cancels
     * what is under way, and the run then ends as it does after a cancel. Closing the registration removes it.
     */
    Registration onInterrupt(Runnable action);

    /**
     * Whether the run has this process to itself: may open its terminal's line editor ({@code t3 chat},
     * {@code t3 login}'s prompts), keep serving ({@code t3 serve}) or control the warm process ({@code t3
     * daemon}). A run of the warm process does not; {@link Cli#run} refuses such a command there before it
     * starts ({@link Cli.NeedsOwnProcessException}), and the client runs it itself.
     */
    default boolean ownsProcess() {
        return true;
    }

    /** The columns of the terminal on standard output as measured for this run, or 0 to ask the terminal. */
    default int terminalColumns() {
        return 0;
    }

    /** The rows of the terminal on standard output as measured for this run, or 0 to ask the terminal. */
    default int terminalRows() {
        return 0;
    }

    /** A registered action; {@link #close()} removes it. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
