package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.application.T3Client;

/**
 * Opens a {@link T3Client} wired with the real adapters; implemented by the composition root. In demo
 * mode it also starts the bundled fake server, which closes with the client.
 */
@FunctionalInterface
public interface ClientFactory {

    /**
     * @throws io.github.t3chat4j.application.error.InvalidInputException if the credentials are malformed
     */
    T3Client open(ConnectionSettings settings);

    /**
     * Account data (credits, usage, sessions) and the model catalogue for the settings' credentials, with
     * a freshly renewed session.
     *
     * @throws CliException when this factory has no account access
     */
    default AccountAccess account(ConnectionSettings settings) {
        throw new CliException("account data is not available in this build.", ExitCode.IO);
    }

    /**
     * The conversation store (the demo's own folder in demo mode).
     *
     * @throws CliException when this factory has no storage
     */
    default ConversationStore conversations(boolean demo) {
        throw new CliException("conversation storage is not available in this build.", ExitCode.IO);
    }
}
