package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.adapter.cli.RunningGateway;
import io.github.t3chat4j.adapter.openai.OpenAiGateway;
import io.github.t3chat4j.application.T3Client;
import java.net.URI;

/** The gateway of {@code t3 serve} and the connection it serves; closing stops the one, then closes the other. */
final class GatewayServer implements RunningGateway {

    private final OpenAiGateway gateway;
    private final T3Client client;

    GatewayServer(OpenAiGateway gateway, T3Client client) {
        this.gateway = gateway;
        this.client = client;
    }

    @Override
    public URI baseUrl() {
        return gateway.baseUrl();
    }

    @Override
    public void awaitStopped() throws InterruptedException {
        gateway.awaitStopped();
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            client.close();
        }
    }
}
