package io.github.t3chat4j.adapter.http.engines;

import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.testkit.FakeT3Server;

/** The contract over the {@code curl} binary in plain HTTP/1.1. */
class CurlHttp1ContractTest extends EngineContractTest {

    @Override
    FakeT3Server startServer() {
        return FakeT3Server.start();
    }

    @Override
    HttpConfig configure(HttpConfig config, FakeT3Server server) {
        return config.withTransport(HttpConfig.Transport.CURL);
    }

    @Override
    String expectedProtocol() {
        return "HTTP/1.1";
    }
}
