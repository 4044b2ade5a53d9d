package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.adapter.cli.RunningGateway;
import io.github.t3chat4j.adapter.mcp.McpHttpServer;
import io.github.t3chat4j.application.T3Client;
import java.net.URI;

/** {@code t3 mcp --http}: the server and the connection it serves; closing stops the one, then closes the other. */
final class McpHttpServing implements RunningGateway {

    private final McpHttpServer server;
    private final T3Client client;

    McpHttpServing(McpHttpServer server, T3Client client) {
        this.server = server;
        this.client = client;
    }

    @Override
    public URI baseUrl() {
        return server.url();
    }

    @Override
    public void awaitStopped() throws InterruptedException {
        server.awaitStopped();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            client.close();
        }
    }
}
