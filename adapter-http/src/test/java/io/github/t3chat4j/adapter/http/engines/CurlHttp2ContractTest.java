package io.github.t3chat4j.adapter.http.engines;

import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.testkit.FakeT3Server;

/** The contract over the {@code curl} binary with TLS and HTTP/2, trusting the test certificate. */
class CurlHttp2ContractTest extends EngineContractTest {

    @Override
    FakeT3Server startServer() {
        return FakeT3Server.startSecure();
    }

    @Override
    HttpConfig configure(HttpConfig config, FakeT3Server server) {
        return config.withTransport(HttpConfig.Transport.CURL).withTrustedCertificates(server.certificateFile());
    }

    @Override
    String expectedProtocol() {
        return "HTTP/2.0";
    }
}
