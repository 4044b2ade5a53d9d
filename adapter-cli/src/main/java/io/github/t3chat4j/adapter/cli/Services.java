package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.T3Client;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the commands get from the composition root for one {@link Profile}: a client per connection,
 * the use cases on local files, and where the chat keeps its input history. Implemented in
 * {@code bootstrap}; tests pass their own.
 */
public interface Services {

    /**
     * A client over a fresh connection to t3.chat; closing it releases the connection (and, in the demo,
     * the fake server).
     *
     * @throws io.github.t3chat4j.application.error.InvalidInputException if the credentials are malformed
     */
    T3Client connect(ConnectionSettings connection);

    /**
     * Runs {@code t3 doctor} for {@code connection} (whose credentials may be missing or malformed: the
     * diagnosis reports that). They open and close whatever the checks need.
     */
    default Diagnosis diagnose(ConnectionSettings connection, boolean includeChat) {
        throw new CliException("t3 doctor is not available with this services.", ExitCode.USAGE);
    }

    /** Conversations and settings on disk; no connection needed. */
    LocalClient local();

    /** Where the chat keeps its input history. */
    Path historyFile();

    /**
     * The chat's input history file, created empty and readable by its owner only (in a folder only the
     * owner can enter) when missing, for the line editor to append to.
     *
     * @throws io.github.t3chat4j.application.error.StorageException when it cannot be created
     */
    Path privateHistoryFile();

    /**
     * Starts the OpenAI-compatible gateway over a fresh connection whose conversations are kept
     * nowhere (each request is one of its own). CompositionRoot without one refuse.
     *
     * @throws io.github.t3chat4j.application.error.InvalidInputException if the options or credentials
     *     are invalid, or the address cannot be listened on
     */
    default RunningGateway serve(ConnectionSettings connection, GatewayOptions options, PrintWriter log) {
        throw new CliException("This build of t3 has no gateway.", ExitCode.USAGE);
    }

    /** The services of each profile. */
    @FunctionalInterface
    interface Provider {
        /**
         * The services of {@code profile} for one run whose environment is {@code env}: where the files are
         * ({@code XDG_*}, {@code HOME}), where browsers and programs are ({@code PATH}), which proxies the
         * environment names. Never the process's own environment: the run's, as {@link CliContext} holds it.
         */
        Services services(Profile profile, Map<String, String> env);

        /** The user's warm process ({@code t3 daemon}) for a run with {@code env}; a provider without one refuses. */
        default WarmProcess warmProcess(Map<String, String> env) {
            throw new CliException("this build of t3 has no warm process.", ExitCode.USAGE);
        }
    }
}
