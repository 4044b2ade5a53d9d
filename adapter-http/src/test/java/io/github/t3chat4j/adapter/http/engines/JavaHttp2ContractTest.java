package io.github.t3chat4j.adapter.http.engines;

import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.testkit.FakeT3Server;

/** The contract over the JVM's client with TLS, where ALPN settles on HTTP/2. */
class JavaHttp2ContractTest extends EngineContractTest {

    @Override
    FakeT3Server startServer() {
        return FakeT3Server.startSecure();
    }

    @Override
    HttpConfig configure(HttpConfig config, FakeT3Server server) {
        return config.withTransport(HttpConfig.Transport.JAVA).withTrustedCertificates(server.certificateFile());
    }

    @Override
    String expectedProtocol() {
        return "HTTP/2.0";
    }
}
