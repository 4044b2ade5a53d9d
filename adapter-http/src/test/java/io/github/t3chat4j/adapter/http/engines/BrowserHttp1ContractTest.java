package io.github.t3chat4j.adapter.http.engines;

import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.testkit.FakeT3Server;

/**
 * The contract over a real headless Chromium (Debian's {@code chromium}), talking plain HTTP/1.1 to the fake
 * t3.chat on loopback. Skipped, saying so, where no Chromium is installed.
 */
class BrowserHttp1ContractTest extends EngineContractTest {

    @Override
    FakeT3Server startServer() {
        InstalledBrowser.require();
        return FakeT3Server.start();
    }

    @Override
    HttpConfig configure(HttpConfig config, FakeT3Server server) {
        return InstalledBrowser.configure(config);
    }

    @Override
    String expectedProtocol() {
        return "HTTP/1.1";
    }

    @Override
    void assertUserAgent(String userAgent) {
        InstalledBrowser.assertBrowsersOwnUserAgent(userAgent);
    }
}
