package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding and other web pages: a request addressed to a name other than this machine's, or sent by
 * a page from an origin nobody allowed, is refused before its key is looked at, and reaches nothing
 * behind the gateway. Raw sockets, so that the request carries exactly the headers a browser would send.
 */
class HostAndOriginTest {

    private static final String CHAT_BODY = "{\"model\":\"gemini-2.5-flash-lite\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

    @Test
    void refusesAHostNameThatIsNotThisMachines_beforeTheKeyCounts_andSendsNothingToT3Chat() throws Exception {
        try (GatewayFixture fixture = GatewayFixture.start()) {
            String withKey = exchange(fixture, post("attacker.example:" + fixture.gateway.port(), GatewayFixture.KEY,
                    null));
            String withoutKey = exchange(fixture, post("attacker.example", null, null));

            assertThat(withKey).startsWith("HTTP/1.1 403").contains("\"code\":\"host_not_allowed\"")
                    .contains("--allow-host attacker.example").doesNotContain("Echo(");
            assertThat(withoutKey).startsWith("HTTP/1.1 403").contains("host_not_allowed");
            assertThat(fixture.server.requests("/api/chat")).isEmpty();
            assertThat(fixture.log).anyMatch(line -> line.startsWith("POST /v1/chat/completions 403"));
        }
    }

    @Test
    void servesLoopbackNames_andTheNamesTheUserAllows() throws Exception {
        try (GatewayFixture fixture = GatewayFixture.start(config -> config.withAllowedHosts(List.of("MyBox.lan")))) {
            int port = fixture.gateway.port();
            for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "localhost.",
                    "mybox.lan:" + port)) {
                assertThat(exchange(fixture, post(host, GatewayFixture.KEY, null))).as(host)
                        .startsWith("HTTP/1.1 200").contains("Echo(1): hello");
            }
            assertThat(exchange(fixture, post("otherbox.lan", GatewayFixture.KEY, null))).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void servesTheOfficialSdk_addressingTheGatewayAsLocalhost() {
        try (GatewayFixture fixture = GatewayFixture.start()) {
            OpenAIClient openai = OpenAIOkHttpClient.builder()
                    .baseUrl("http://localhost:" + fixture.gateway.port() + "/v1").apiKey(GatewayFixture.KEY)
                    .maxRetries(0).timeout(Duration.ofSeconds(30)).build();
            try {
                ChatCompletion completion = openai.chat().completions().create(ChatCompletionCreateParams.builder()
                        .model("gemini-2.5-flash-lite").addUserMessage("hi").build());

                assertThat(completion.choices().get(0).message().content()).hasValue("Echo(1): hi");
            } finally {
                openai.close();
            }
        }
    }

    @Test
    void refusesAWebPageFromAnOriginNobodyAllowed_evenWithTheKey() throws Exception {
        try (GatewayFixture fixture = GatewayFixture.start()) {
            String answer = exchange(fixture, post("localhost", GatewayFixture.KEY, "http://evil.example"));

            assertThat(answer).startsWith("HTTP/1.1 403").contains("\"code\":\"origin_not_allowed\"")
                    .doesNotContain("Access-Control-Allow-Origin");
            assertThat(fixture.server.requests("/api/chat")).isEmpty();
        }
    }

    @Test
    void answersAnAllowedOrigin_withCorsHeaders_andItsPreflight() throws Exception {
        try (GatewayFixture fixture = GatewayFixture.start(config -> config.withCorsOrigins(
                List.of("http://localhost:3000")))) {
            String preflight = exchange(fixture, "OPTIONS /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Origin: http://localhost:3000\r\nAccess-Control-Request-Method: POST\r\n"
                    + "Access-Control-Request-Headers: authorization, content-type\r\nConnection: close\r\n\r\n");
            String answer = exchange(fixture, post("localhost", GatewayFixture.KEY, "http://localhost:3000"));
            String other = exchange(fixture, post("localhost", GatewayFixture.KEY, "http://localhost:4000"));

            assertThat(preflight).startsWith("HTTP/1.1 2")
                    .containsIgnoringCase("Access-Control-Allow-Origin: http://localhost:3000");
            assertThat(answer).startsWith("HTTP/1.1 200")
                    .containsIgnoringCase("Access-Control-Allow-Origin: http://localhost:3000")
                    .contains("Echo(1): hello");
            assertThat(other).startsWith("HTTP/1.1 403").contains("origin_not_allowed");
        }
    }

    private static String post(String host, String key, String origin) {
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: " + host + "\r\n"
                + (key == null ? "" : "Authorization: Bearer " + key + "\r\n")
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + CHAT_BODY.length()
                + "\r\n\r\n" + CHAT_BODY;
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
}
