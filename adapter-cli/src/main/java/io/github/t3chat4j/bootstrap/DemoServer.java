package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.testkit.FakeT3Server;

/** The fake t3.chat of {@code t3 --demo}. */
final class DemoServer {

    private DemoServer() {
    }

    static FakeT3Server start() {
        return FakeT3Server.start();
    }
}
