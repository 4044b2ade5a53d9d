package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.testkit.FakeImageHost;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.net.URI;

/**
 * The fake t3.chat of {@code t3 --demo}: the testkit server answering with {@link Scenarios#demo}, and
 * a second origin that serves the demo's generated image, both on loopback. Closing stops both.
 */
final class DemoServer implements AutoCloseable {

    private final FakeImageHost images;
    private final FakeT3Server server;

    private DemoServer(FakeImageHost images, FakeT3Server server) {
        this.images = images;
        this.server = server;
    }

    static DemoServer start() {
        FakeImageHost images = FakeImageHost.start();
        try {
            FakeT3Server server = FakeT3Server.start();
            server.defaultChat(Scenarios.demo(images.imageUrl()));
            return new DemoServer(images, server);
        } catch (RuntimeException e) {
            images.close();
            throw e;
        }
    }

    URI baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            images.close();
        }
    }
}
