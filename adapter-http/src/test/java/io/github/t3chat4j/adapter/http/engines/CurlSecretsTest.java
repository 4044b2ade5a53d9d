package io.github.t3chat4j.adapter.http.engines;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.http.Fixtures;
import io.github.t3chat4j.adapter.http.internal.engine.CurlEngine;
import io.github.t3chat4j.adapter.http.internal.engine.EngineOptions;
import io.github.t3chat4j.adapter.http.internal.engine.EngineRequest;
import io.github.t3chat4j.adapter.http.internal.engine.EngineResponse;
import io.github.t3chat4j.adapter.http.internal.engine.Header;
import io.github.t3chat4j.adapter.http.internal.engine.ProxyEndpoint;
import io.github.t3chat4j.adapter.http.internal.engine.ProxyRules;
import io.github.t3chat4j.adapter.http.internal.engine.Timeouts;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.LoopbackProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The curl engine's promise to keep secrets out of what other users can read: while curl runs, its
 * command line and environment ({@code /proc/<pid>/cmdline} and {@code environ}) hold no cookie, no
 * proxy password and none of the parent's secret variables; cancelling ends the process.
 */
@EnabledOnOs(OS.LINUX)
class CurlSecretsTest {

    private static final String PROXY_PASSWORD = "proxy-SECRET-pw-5521";

    @Test
    void keepsSecretsOutOfCurlsArgumentsAndEnvironment_andKillsItOnAbort() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeT3Server server = FakeT3Server.start();
                LoopbackProxy proxy = LoopbackProxy.start("t3user", PROXY_PASSWORD)) {
            server.route("/hold", (exchange, recorded) -> {
                exchange.getResponseHeaders().set("content-type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write("data: held\n\n".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                release.await(20, TimeUnit.SECONDS);
            });
            Map<String, String> parent = new HashMap<>(System.getenv());
            parent.put("COOKIES", Fixtures.COOKIE_HEADER);
            parent.put("CONVEX_SESSION_ID", Fixtures.CONVEX_ID);
            parent.put("HTTPS_PROXY", "http://t3user:" + PROXY_PASSWORD + "@127.0.0.1:" + proxy.port());
            ProxyEndpoint endpoint = ProxyEndpoint.of(URI.create("http://t3user:" + PROXY_PASSWORD + "@127.0.0.1:"
                    + proxy.port()));
            EngineOptions options = EngineOptions.defaults()
                    .withProxies(ProxyRules.explicit(Optional.of(endpoint), Optional.of(endpoint), List.of()));
            CurlEngine engine = CurlEngine.create(options, parent);
            EngineRequest request = new EngineRequest("POST", URI.create(server.baseUrl() + "/hold"),
                    List.of(new Header("Content-Type", "application/json"), new Header("Cookie", Fixtures.COOKIE_HEADER)),
                    "{\"hello\":1}".getBytes(StandardCharsets.UTF_8), false, new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));

            try (EngineResponse response = engine.execute(request)) {
                ProcessHandle curl = ProcessHandle.current().children()
                        .filter(p -> p.info().command().orElse("").endsWith("curl")).findFirst().orElseThrow();
                String cmdline = read(curl, "cmdline");
                String environ = read(curl, "environ");
                assertThat(response.status()).isEqualTo(200);

                for (String secret : List.of(Fixtures.WOS_SESSION, Fixtures.OTHER_COOKIE, Fixtures.CONVEX_ID,
                        PROXY_PASSWORD, "t3user")) {
                    assertThat(cmdline).doesNotContain(secret);
                    assertThat(environ).doesNotContain(secret);
                }
                assertThat(cmdline.split("\0")).containsExactly(cmdline.split("\0")[0], "-q", "--config", "-");
                assertThat(environ).doesNotContain("COOKIES=").doesNotContain("HTTPS_PROXY=").contains("PATH=");
                assertThat(proxy.passed()).extracting(LoopbackProxy.ProxiedRequest::target)
                        .containsExactly(server.baseUrl() + "/hold");
                assertThat(server.lastRequest("/hold").orElseThrow().cookie("wos-session")).hasValue(Fixtures.WOS_SESSION);

                response.abort();
                assertThat(curl.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
            } finally {
                release.countDown();
                engine.close();
            }
        }
    }

    private static String read(ProcessHandle process, String file) throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), file)),
                StandardCharsets.UTF_8);
    }

}
