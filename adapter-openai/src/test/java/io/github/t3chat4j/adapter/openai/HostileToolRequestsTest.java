package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The new endpoints and fields against hostile or careless clients: the key, the Host and Origin rules
 * and the body limit hold for {@code /v1/responses}; a schema cannot make the gateway fetch anything;
 * tools are bounded; what a client sent is never echoed raw.
 */
class HostileToolRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayFixture fixture = GatewayFixture.start(config -> config.withMaxRequestBytes(64 * 1024));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String chatWithTools(String tools) {
        return "{\"model\":\"gemini-2.5-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":" + tools + "}";
    }

    @Test
    void refusesResponsesWithoutTheKey_andSendsNothingToT3Chat() throws Exception {
        HttpResponse<String> none = post("/responses", "{\"model\":\"gemini-2.5-flash\",\"input\":\"hi\"}", null);
        HttpResponse<String> wrong = post("/responses", "{\"model\":\"gemini-2.5-flash\",\"input\":\"hi\"}", "nope");
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(fixture.url("/responses/resp_x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(fixture.server.requests("/api/chat")).isEmpty();
    }

    @Test
    void refusesResponsesForAForeignHostOrOrigin_evenWithTheKey() throws Exception {
        String body = "{\"model\":\"gemini-2.5-flash\",\"input\":\"hi\"}";
        String foreignHost = raw("POST /v1/responses HTTP/1.1\r\nHost: rebound.example\r\nAuthorization: Bearer "
                + GatewayFixture.KEY + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        HttpResponse<String> foreignOrigin = http.send(HttpRequest.newBuilder(fixture.url("/responses"))
                .header("Authorization", "Bearer " + GatewayFixture.KEY).header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(foreignHost).startsWith("HTTP/1.1 403").contains("host_not_allowed");
        assertThat(foreignOrigin.statusCode()).isEqualTo(403);
        assertThat(fixture.server.requests("/api/chat")).isEmpty();
    }

    @Test
    void refusesAResponsesBodyOverTheLimit_with413() throws Exception {
        String big = "{\"model\":\"gemini-2.5-flash\",\"input\":\"" + "x".repeat(70 * 1024) + "\"}";

        HttpResponse<String> response = post("/responses", big, GatewayFixture.KEY);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(fixture.server.requests("/api/chat")).isEmpty();
    }

    @Test
    void neverFetchesWhatAToolSchemaReferences_andRefusesIt() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer bait = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bait.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        bait.start();
        try {
            String url = "http://127.0.0.1:" + bait.getAddress().getPort() + "/schema.json";
            HttpResponse<String> chat = post("/chat/completions", chatWithTools("[{\"type\":\"function\",\"function\":"
                    + "{\"name\":\"f\",\"parameters\":{\"$ref\":\"" + url + "\"}}}]"), GatewayFixture.KEY);
            HttpResponse<String> format = post("/responses", "{\"model\":\"gemini-2.5-flash\",\"input\":\"hi\","
                    + "\"text\":{\"format\":{\"type\":\"json_schema\",\"name\":\"x\",\"schema\":{\"type\":\"object\","
                    + "\"properties\":{\"a\":{\"$ref\":\"file:///etc/passwd\"}}}}}}", GatewayFixture.KEY);

            assertThat(chat.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(chat.body()).at("/error/param").asText()).isEqualTo("tools");
            assertThat(format.statusCode()).isEqualTo(400);
            assertThat(format.body()).doesNotContain("root:");
            assertThat(fetched.get()).isZero();
            assertThat(fixture.server.requests("/api/chat")).isEmpty();
        } finally {
            bait.stop(0);
        }
    }

    @Test
    void refusesMoreToolsThanItTakes_andToolNamesThatAreNotNames_withoutEchoingControlCharacters() throws Exception {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 257; i++) {
            many.append(i == 0 ? "" : ",").append("{\"type\":\"function\",\"function\":{\"name\":\"t").append(i)
                    .append("\"}}");
        }
        HttpResponse<String> tooMany = post("/chat/completions", chatWithTools(many + "]"), GatewayFixture.KEY);
        HttpResponse<String> badName = post("/chat/completions", chatWithTools("[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"evil\\u001b[31mname\"}}]"), GatewayFixture.KEY);

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooMany.body()).at("/error/message").asText()).contains("At most 256 tools");
        assertThat(badName.statusCode()).isEqualTo(400);
        JsonNode message = JSON.readTree(badName.body()).at("/error/message");
        assertThat(message.asText()).contains("tool name").doesNotContain("\u001b");
        assertThat(fixture.server.requests("/api/chat")).isEmpty();
    }

    @Test
    void keepsResponseIdsUnguessable() throws Exception {
        HttpResponse<String> first = post("/responses", "{\"model\":\"gemini-2.5-flash\",\"input\":\"hi\"}",
                GatewayFixture.KEY);

        String id = JSON.readTree(first.body()).path("id").asText();
        assertThat(id).matches("resp_[A-Za-z0-9]{24}");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.gateway.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
