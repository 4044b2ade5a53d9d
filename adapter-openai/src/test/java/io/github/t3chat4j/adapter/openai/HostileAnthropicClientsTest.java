package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway's rules hold for Anthropic's API too, answered in Anthropic's error shape: the names and
 * web origins it answers, the key (as {@code x-api-key} or a bearer token) checked before anything is
 * read or sent, the body limit, a client that leaves cancelling its reply at t3.chat, and neither the key
 * nor the t3.chat cookie in any answer or log line. Raw sockets where the exact headers matter.
 */
class HostileAnthropicClientsTest {

    private static final String BODY = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

    private static String post(String host, String headers, String body) {
        return "POST /v1/messages HTTP/1.1\r\nHost: " + host + "\r\n" + headers
                + "anthropic-version: 2023-06-01\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Sends {@code request} on a connection of its own and returns the whole answer. */
    private static String exchange(GatewayFixture fixture, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.gateway.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void refusesAnotherHostName_andAWebPageNobodyAllowed_asPermissionErrors_beforeTheKeyCounts() throws Exception {
        try (GatewayFixture fixture = GatewayFixture.start()) {
            String rebound = exchange(fixture, post("attacker.example", "x-api-key: " + GatewayFixture.KEY + "\r\n",
                    BODY));
            String page = exchange(fixture, post("localhost", "x-api-key: " + GatewayFixture.KEY + "\r\n"
                    + "Origin: https://attacker.example\r\nanthropic-dangerous-direct-browser-access: true\r\n", BODY));

            assertThat(rebound).startsWith("HTTP/1.1 403").contains("{\"type\":\"error\",\"error\":{\"type\":"
                    + "\"permission_error\"").contains("--allow-host attacker.example");
            assertThat(page).startsWith("HTTP/1.1 403").contains("\"permission_error\"")
                    .contains("--cors-origin https://attacker.example");
            assertThat(fixture.server.requests("/api/chat")).isEmpty();
        }
    }

    @Test
    void takesTheKeyAsXApiKeyOrBearer_andRefusesAWrongOne_asAnAuthenticationError() throws Exception {
        try (GatewayFixture fixture = GatewayFixture.start()) {
            String apiKey = exchange(fixture, post("localhost", "x-api-key: " + GatewayFixture.KEY + "\r\n", BODY));
            String bearer = exchange(fixture, post("localhost", "Authorization: Bearer " + GatewayFixture.KEY + "\r\n",
                    BODY));
            String wrong = exchange(fixture, post("localhost", "x-api-key: wrong-" + GatewayFixture.KEY + "\r\n",
                    BODY));
            String none = exchange(fixture, post("localhost", "", BODY));

            assertThat(apiKey).startsWith("HTTP/1.1 200").contains("\"type\":\"message\"").contains("Echo(1): hello");
            assertThat(bearer).startsWith("HTTP/1.1 200").contains("Echo(1): hello");
            assertThat(wrong).startsWith("HTTP/1.1 401").contains("\"authentication_error\"")
                    .contains("Incorrect API key").doesNotContain("wrong-");
            assertThat(none).startsWith("HTTP/1.1 401").contains("\"authentication_error\"").contains("x-api-key");
            assertThat(fixture.server.requests("/api/chat")).hasSize(2);
        }
    }

    @Test
    void refusesABodyOverTheLimit_asRequestTooLarge_withoutSendingIt() throws Exception {
        try (GatewayFixture fixture = GatewayFixture.start(config -> config.withMaxRequestBytes(4096))) {
            String big = BODY.replace("hello", "x".repeat(5000));

            String answer = exchange(fixture, post("localhost", "x-api-key: " + GatewayFixture.KEY + "\r\n", big));

            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"request_too_large\"");
            assertThat(fixture.server.requests("/api/chat")).isEmpty();
        }
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void cancelsTheUpstreamRequestAtOnce_whenAStreamedMessagesClientLeaves_andLogs499() throws Exception {
        HostileClientsTest.cancelsTheUpstreamRequestAtOnce_whenTheClientLeavesWhileT3ChatIsSilent(true, "/v1/messages",
                BODY.replace("\"max_tokens\":64,", "\"max_tokens\":64,\"stream\":true,"));
    }

    @Test
    void neitherTheKeyNorTheCookieAppearsInAnyAnswerOrLogLine() throws Exception {
        List<String> seen = new ArrayList<>();
        try (GatewayFixture fixture = GatewayFixture.start()) {
            HttpClient http = HttpClient.newHttpClient();
            String streamed = BODY.replace("\"max_tokens\":64,", "\"max_tokens\":64,\"stream\":true,");
            List<HttpRequest> requests = List.of(
                    request(fixture, "/messages", BODY, GatewayFixture.KEY),
                    request(fixture, "/messages", streamed, GatewayFixture.KEY),
                    request(fixture, "/messages", BODY, "wrong-" + GatewayFixture.KEY),
                    request(fixture, "/messages", BODY.replace("claude-sonnet-4-5", "nope"), GatewayFixture.KEY),
                    request(fixture, "/messages", "{broken", GatewayFixture.KEY),
                    request(fixture, "/messages/count_tokens", BODY, GatewayFixture.KEY),
                    request(fixture, "/messages", BODY.replace("}]}", "}],\"tools\":[{\"name\":\"t\","
                            + "\"input_schema\":{\"type\":7}}]}"), GatewayFixture.KEY),
                    HttpRequest.newBuilder(fixture.url("/models")).header("x-api-key", GatewayFixture.KEY)
                            .header("anthropic-version", "2023-06-01").build());
            for (HttpRequest request : requests) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                seen.add(response.headers().map().toString());
                seen.add(response.body());
            }
            fixture.server.route("/api/chat", (exchange, request) -> {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
            });
            HttpResponse<String> expired = http.send(request(fixture, "/messages", BODY, GatewayFixture.KEY),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.body()).contains("\"authentication_error\"").contains("gateway key is fine");
            seen.add(expired.body());
            seen.addAll(fixture.log);
        }

        assertThat(seen).hasSizeGreaterThan(10).allSatisfy(text -> assertThat(text)
                .doesNotContain(GatewayFixture.KEY).doesNotContain(GatewayFixture.COOKIE_SECRET));
    }

    private static HttpRequest request(GatewayFixture fixture, String path, String body, String key) {
        return HttpRequest.newBuilder(fixture.url(path)).header("x-api-key", key)
                .header("anthropic-version", "2023-06-01").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
