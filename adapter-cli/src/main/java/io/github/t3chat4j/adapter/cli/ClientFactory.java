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
}
