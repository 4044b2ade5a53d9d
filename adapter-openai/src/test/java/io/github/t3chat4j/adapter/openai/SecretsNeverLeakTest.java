package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Neither the gateway's key nor the t3.chat cookie appears in any answer or log line. */
class SecretsNeverLeakTest {

    @Test
    void noAnswerHeaderOrLogLineHoldsTheKeyOrTheCookie() throws Exception {
        List<String> seen = new ArrayList<>();
        try (GatewayFixture fixture = GatewayFixture.start()) {
            HttpClient http = HttpClient.newHttpClient();
            String chat = "{\"model\":\"gemini-2.5-flash-lite\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            List<HttpRequest> requests = List.of(
                    post(fixture, "/chat/completions", chat, GatewayFixture.KEY),
                    post(fixture, "/chat/completions", chat.replace("}]}", "}],\"stream\":true}"), GatewayFixture.KEY),
                    post(fixture, "/chat/completions", chat, "wrong-" + GatewayFixture.KEY),
                    post(fixture, "/chat/completions", chat.replace("gemini-2.5-flash-lite", "nope"), GatewayFixture.KEY),
                    post(fixture, "/chat/completions", "{broken", GatewayFixture.KEY),
                    HttpRequest.newBuilder(fixture.url("/models")).header("Authorization", "Bearer " + GatewayFixture.KEY)
                            .build(),
                    post(fixture, "/responses", "{\"model\":\"gemini-2.5-flash-lite\",\"input\":\"hi\"}", GatewayFixture.KEY),
                    post(fixture, "/responses", "{\"model\":\"gemini-2.5-flash-lite\",\"stream\":true,\"input\":\"hi\"}",
                            GatewayFixture.KEY),
                    post(fixture, "/responses", "{\"model\":\"gemini-2.5-flash-lite\",\"input\":\"hi\"}",
                            "wrong-" + GatewayFixture.KEY),
                    post(fixture, "/chat/completions", chat.replace("}]}", "}],\"tools\":[{\"type\":\"function\","
                            + "\"function\":{\"name\":\"t\",\"parameters\":{\"type\":7}}}]}"), GatewayFixture.KEY));
            for (HttpRequest request : requests) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                seen.add(response.headers().map().toString());
                seen.add(response.body());
            }
            fixture.server.route("/api/chat", (exchange, request) -> {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
            });
            HttpResponse<String> expired = http.send(post(fixture, "/chat/completions", chat, GatewayFixture.KEY),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(expired.statusCode()).isEqualTo(401);
            seen.add(expired.body());
            seen.addAll(fixture.log);
            seen.add(fixture.gateway.toString());
        }

        assertThat(seen).hasSizeGreaterThan(10).allSatisfy(text -> assertThat(text)
                .doesNotContain(GatewayFixture.KEY).doesNotContain(GatewayFixture.COOKIE_SECRET));
    }

    private static HttpRequest post(GatewayFixture fixture, String path, String body, String key) {
        return HttpRequest.newBuilder(fixture.url(path)).header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
