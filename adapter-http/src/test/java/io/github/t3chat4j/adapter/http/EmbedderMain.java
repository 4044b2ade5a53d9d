package io.github.t3chat4j.adapter.http;

import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.testkit.FakeT3Server;

/**
 * Not a test: the program {@link LoggingOfEmbeddersTest} runs in a JVM of its own, as an embedder would
 * use the library: create the adapters, build a client, send one message. It prints nothing itself;
 * it exits with 1 when the reply is not the fake server's echo.
 */
public final class EmbedderMain {

    private EmbedderMain() {
    }

    public static void main(String[] args) {
        try (FakeT3Server server = FakeT3Server.start();
                T3Client client = T3Client.builder().cookies("wos-session=embedder").convexSessionId("embedder")
                        .adapters(HttpAdapters.create(HttpConfig.defaults(server.baseUrl()))).build()) {
            if (!client.send("Hello").text().equals("Echo(1): Hello")) {
                System.exit(1);
            }
        }
    }
}
