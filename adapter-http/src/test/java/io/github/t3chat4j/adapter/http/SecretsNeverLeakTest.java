package io.github.t3chat4j.adapter.http;

import io.github.t3chat4j.adapter.http.internal.wiring.OpenedHttpAdapters;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.http.internal.RecordingSleeper;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs failing exchanges and checks that no message or toString shows the cookie or the convex id. */
class SecretsNeverLeakTest {

    @Test
    void noExceptionOrToStringContainsASecret() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        List<Object> returned = new ArrayList<>();
        String echoingSecrets = "{\"error\":\"Rejected cookie " + Fixtures.COOKIE_HEADER + " and convexSessionId "
                + Fixtures.CONVEX_ID + "\"}";
        try (FakeT3Server server = FakeT3Server.start();
                OpenedHttpAdapters adapters = Fixtures.open(Fixtures.config(server.baseUrl()), new RecordingSleeper())) {
            server.enqueueChat(exchange -> exchange.json(418, echoingSecrets));
            server.enqueueChat(exchange -> exchange.fixed(400, "text/plain", echoingSecrets));
            server.enqueueChat(exchange -> exchange.json(403, echoingSecrets));
            server.enqueueChat(Scenarios.botChallenge());
            for (int i = 0; i < 3; i++) {
                server.enqueueChat(Scenarios.rateLimited(1));
            }
            for (int i = 0; i < 3; i++) {
                server.enqueueChat(exchange -> exchange.json(503, echoingSecrets));
            }
            for (int i = 0; i < 6; i++) {
                capture(failures, () -> adapters.chat().open(Fixtures.request()));
            }
            server.expireSessionUntilRefresh("rotated");
            capture(failures, () -> adapters.chat().open(Fixtures.request()));
            server.route("/", (exchange, request) -> {
                byte[] body = echoingSecrets.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(409, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            capture(failures, () -> adapters.sessions().initialize(Fixtures.session()));
            capture(failures, () -> adapters.catalog().loadSiteModels(Fixtures.session()));
            server.route("/api/trpc/getCustomerData", (exchange, request) -> {
                byte[] body = ("[{\"error\":{\"json\":{\"message\":\"Rejected " + Fixtures.COOKIE_HEADER + " "
                        + Fixtures.CONVEX_ID + "\"}}}]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(418, body.length);
                exchange.getResponseBody().write(body);
            });
            capture(failures, () -> adapters.accountReader().loadCustomerData(Fixtures.session()));
            server.route("/api/trpc/getSubscriptionData", (exchange, request) -> {
                byte[] body = ("[{\"error\":{\"json\":{\"message\":\"" + Fixtures.WOS_SESSION + "\",\"data\":"
                        + "{\"code\":\"UNAUTHORIZED\"}}}}]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            });
            capture(failures, () -> adapters.accountReader().loadSubscription(Fixtures.session()));
            try (ChatStream stream = adapters.chat().open(Fixtures.request())) {
                returned.add(stream);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        String response = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
                + RawHttpServer.chunk("data: {\"type\":\"text-delta\",\"delta\":\"x\"}\n\n");
        try (RawHttpServer raw = new RawHttpServer(response);
                OpenedHttpAdapters adapters = Fixtures.open(Fixtures.config(raw.baseUrl()), new RecordingSleeper())) {
            capture(failures, () -> {
                try (ChatStream stream = adapters.chat().open(Fixtures.request())) {
                    returned.add(stream);
                    stream.events().forEach(e -> { });
                }
            });
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (OpenedHttpAdapters refused = Fixtures.open(Fixtures.config(URI.create("http://127.0.0.1:" + port)),
                new RecordingSleeper())) {
            capture(failures, () -> refused.chat().open(Fixtures.request()));
            capture(failures, () -> refused.sessions().renewWosSession(Fixtures.session()));
        }
        returned.add(Fixtures.request());
        returned.add(Fixtures.session());
        try (OpenedHttpAdapters http = Fixtures.open(Fixtures.config(URI.create("http://127.0.0.1:" + port)))) {
            returned.add(http);
            returned.add(http.chat());
        }

        assertThat(failures).hasSizeGreaterThanOrEqualTo(13);
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                String shown = t + " " + t.getMessage();
                for (String secret : Fixtures.SECRETS) {
                    assertThat(shown).as("%s", t.getClass()).doesNotContain(secret);
                }
            }
        }
        for (Object value : returned) {
            Fixtures.SECRETS.forEach(secret -> assertThat(value.toString()).doesNotContain(secret));
        }
    }

    private static void capture(List<Throwable> failures, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
