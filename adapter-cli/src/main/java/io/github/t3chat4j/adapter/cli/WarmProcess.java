package io.github.t3chat4j.adapter.cli;

import java.util.Optional;

/**
 * The user's warm process for this JDK and installation, as {@code t3 daemon} sees and controls it.
 * Implemented by the composition root; a build without one refuses ({@link Services.Provider#warmProcess(java.util.Map)}).
 */
public interface WarmProcess {

    /** What the running warm process says about itself, one {@code name: value} line each; empty when none runs. */
    Optional<String> status();

    /**
     * Starts one unless it runs, and waits until it answers.
     *
     * @return its status
     * @throws CliException when it did not start (the message says where its log is)
     */
    String start();

    /**
     * Asks it to stop: it takes no new run and exits when the runs under way have ended (this waits a few
     * seconds for that).
     *
     * @return its status just before it stopped; empty when none was running
     */
    Optional<String> stop();

    /** Whether runs go to it: {@code T3_DAEMON} is not off (environment, else the config file). */
    boolean enabled();
}
