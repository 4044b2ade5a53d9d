package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.adapter.cli.Services;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs {@code t3} for the bootstrap tests, one way or another ({@link Mode}): in-process through the real
 * composition root, or as the packaged launcher in a process of its own, served cold or by a warm process.
 * Each run starts with empty output, so {@link #out()} and {@link #err()} tell what the last run printed.
 * The same test class runs every way (its {@code *LauncherIT} subclass), so that a run gives the same
 * output, exit code and files whichever way it is served.
 */
interface T3Runner extends AutoCloseable {

    /** How {@code t3} is run. */
    enum Mode {
        /** {@link Main#run} in the test's JVM. */
        IN_PROCESS,
        /** The launcher {@code target/t3} with {@code T3_DAEMON=off}: a JVM of its own. */
        COLD,
        /** The launcher {@code target/t3}, every run served by a warm process started for the test. */
        WARM;

        /** A runner with {@code env} (HOME and whatever else the test sets) and {@code home} as working folder. */
        T3Runner runner(Path home, Map<String, String> env) {
            return this == IN_PROCESS ? new InProcessT3(home, env) : new LauncherT3(home, env, this == WARM);
        }
    }

    /** {@code t3 args}, its input empty (and, in-process, a terminal). */
    default int run(String... args) {
        return run(Map.of(), args);
    }

    /** {@code t3 args} with more environment variables. */
    int run(Map<String, String> extraEnv, String... args);

    /** {@code t3 args} reading {@code stdin} from a pipe. */
    int runPiped(String stdin, String... args);

    /** {@code t3 args} printing to a terminal, its input empty (in-process only; aborts the test otherwise). */
    int runOnTerminal(String... args);

    /** Runs in {@code folder} from now on (where a {@code .env} is read), instead of the home folder. */
    T3Runner in(Path folder);

    /** {@code t3 args} with services of the test's making (in-process only; aborts the test otherwise). */
    int runWith(Services.Provider services, String... args);

    String out();

    String err();

    /** Stops what the runner started (a warm process), checking that it served every run it should have. */
    @Override
    void close();
}
