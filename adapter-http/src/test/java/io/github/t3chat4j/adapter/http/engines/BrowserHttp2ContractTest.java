package io.github.t3chat4j.adapter.http.engines;

import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.net.URI;

/**
 * The contract over a real headless Chromium that believes it talks to {@code https://t3.chat}: its host
 * rules map the name to the fake's TLS port (every other name to nothing), it trusts only the fake's
 * certificate, and ALPN settles on HTTP/2, as with the real site. Skipped, saying so, without Chromium.
 */
class BrowserHttp2ContractTest extends EngineContractTest {

    @Override
    FakeT3Server startServer() {
        InstalledBrowser.require();
        return FakeT3Server.startSecure();
    }

    @Override
    URI site(FakeT3Server server) {
        return URI.create("https://t3.chat");
    }

    @Override
    HttpConfig configure(HttpConfig config, FakeT3Server server) {
        return InstalledBrowser.configure(config).withTrustedCertificates(server.certificateFile())
                .withBrowser(InstalledBrowser.SETTINGS.withHostResolverRules(InstalledBrowser.mapT3Chat(server)));
    }

    @Override
    String expectedProtocol() {
        return "HTTP/2.0";
    }

    @Override
    void assertUserAgent(String userAgent) {
        InstalledBrowser.assertBrowsersOwnUserAgent(userAgent);
    }
}
