package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bytes on the wire, read with the JDK's HttpClient and with a raw socket. */
class WireFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHOLE_BODY = "{\"model\":\"gemini-2.5-flash-lite\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
    private static final String STREAM_BODY = "{\"model\":\"gemini-2.5-flash-lite\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

    private final GatewayFixture fixture = GatewayFixture.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.url(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(fixture.url(path)).header("Authorization", "Bearer " + GatewayFixture.KEY)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void framesEachChunkAsOneDataEvent_roleFirst_finishLast_thenDone() throws Exception {
        HttpResponse<String> response = post("/chat/completions", STREAM_BODY, GatewayFixture.KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-cache");
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        List<String> events = Arrays.asList(response.body().split("\n\n"));
        assertThat(events).allSatisfy(event -> assertThat(event).startsWith("data: ").doesNotContain("\n"));
        List<JsonNode> chunks = new ArrayList<>();
        for (String event : events.subList(0, events.size() - 1)) {
            chunks.add(JSON.readTree(event.substring("data: ".length())));
        }
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("id").asText()).isEqualTo(chunks.get(0).path("id").asText());
            assertThat(chunk.path("model").asText()).isEqualTo("gemini-2.5-flash-lite");
        });
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(chunk -> assertThat(chunk.at("/choices/0/finish_reason").isNull()).isTrue());
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> text.append(chunk.at("/choices/0/delta/content").asText("")));
        assertThat(text.toString()).isEqualTo("Echo(1): hello");
        assertThat(chunks.size()).isGreaterThan(3);
    }

    @Test
    void streamsInChunkedTransferEncoding_withoutAServerVersion() throws Exception {
        String raw = rawExchange("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + GatewayFixture.KEY + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + STREAM_BODY.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + STREAM_BODY, "0\r\n\r\n");

        String head = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).startsWith("http/1.1 200").contains("transfer-encoding: chunked")
                .doesNotContain("server:").doesNotContain("jetty");
        assertThat(raw).contains("data: [DONE]\n\n").endsWith("0\r\n\r\n");
    }

    @Test
    void answersAWholeCompletionAsJson() throws Exception {
        HttpResponse<String> response = post("/chat/completions", STREAM_BODY.replace("true", "false"),
                GatewayFixture.KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("Echo(1): hello");
        assertThat(body.at("/choices/0/message/reasoning_content").isMissingNode()).isTrue();
    }

    @Test
    void refusesARequestWithoutAKey_withAnOpenAiErrorBody() throws Exception {
        HttpResponse<String> response = post("/chat/completions", STREAM_BODY, null);

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.has("param")).isTrue();
        assertThat(error.has("code")).isTrue();
        assertThat(error.path("message").asText()).contains("didn't provide an API key");
        assertThat(fixture.server.requests("/api/chat")).isEmpty();
    }

    @Test
    void refusesABodyOverTheLimit_with413() throws Exception {
        GatewayFixture small = GatewayFixture.start(config -> config.withMaxRequestBytes(100));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(small.url("/chat/completions"))
                    .header("Authorization", "Bearer " + GatewayFixture.KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"x\",\"messages\":[{\"role\":\"user\","
                            + "\"content\":\"" + "a".repeat(200) + "\"}]}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(response.body()).at("/error/code").asText()).isEqualTo("request_too_large");
        } finally {
            small.close();
        }
    }

    @Test
    void answersBadJsonWith400_anUnknownUrlWith404_andAWrongMethodWith405() throws Exception {
        HttpResponse<String> badJson = post("/chat/completions", "{not json", GatewayFixture.KEY);
        HttpResponse<String> unknown = get("/embeddings");
        HttpResponse<String> wrongMethod = get("/chat/completions");

        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badJson.body()).at("/error/message").asText()).contains("not valid JSON");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).at("/error/code").asText()).isEqualTo("unknown_url");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("allow")).hasValue("POST");
    }

    @Test
    void answersHeadWhereverGetWorks_withTheHeadersOfGet_andNoBody() throws Exception {
        HttpResponse<String> get = get("/models");
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(fixture.url("/models"))
                .header("Authorization", "Bearer " + GatewayFixture.KEY)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> oneModel = http.send(HttpRequest.newBuilder(fixture.url("/models/claude-4-sonnet"))
                .header("Authorization", "Bearer " + GatewayFixture.KEY)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("content-type")).isEqualTo(get.headers().firstValue("content-type"));
        assertThat(head.headers().firstValue("content-length"))
                .hasValue(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(oneModel.statusCode()).isEqualTo(200);
    }

    @Test
    void saysWhichMethodsAreAllowed_inAllow_onA405() throws Exception {
        HttpResponse<String> models = post("/models", "{}", GatewayFixture.KEY);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(fixture.url("/responses/resp_x"))
                .header("Authorization", "Bearer " + GatewayFixture.KEY)
                .method("PUT", HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(models.statusCode()).isEqualTo(405);
        assertThat(models.headers().firstValue("allow")).hasValue("GET, HEAD");
        assertThat(JSON.readTree(models.body()).at("/error/message").asText()).contains("use GET, HEAD");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("GET, HEAD, DELETE");
    }

    @Test
    void readsRunsOfSlashesAsOne_asAClientJoiningABaseUrlThatEndsInASlashSendsThem() throws Exception {
        String raw = rawExchange("POST /v1//chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + GatewayFixture.KEY + "\r\nContent-Type: application/json\r\nContent-Length: "
                + WHOLE_BODY.length() + "\r\nConnection: close\r\n\r\n" + WHOLE_BODY, null);

        assertThat(raw).startsWith("HTTP/1.1 200").contains("Echo(1): hello");
        // The access line is written once the answer is complete, so it may come a moment after the bytes.
        assertThat(fixture.awaitLogLine("POST /v1//chat/completions 200", 10)).isTrue();
    }

    @Test
    void streamsTheResponsesEventsInTheirStandardOrder_eachNamedAndNumbered() throws Exception {
        fixture.server.enqueueChat(io.github.t3chat4j.testkit.Scenarios.reasoning());
        HttpResponse<String> response = post("/responses", "{\"model\":\"claude-4-sonnet\",\"stream\":true,"
                + "\"input\":\"hello\"}", GatewayFixture.KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        int expected = 0;
        for (String event : response.body().split("\n\n")) {
            String[] lines = event.split("\n");
            assertThat(lines).hasSize(2);
            String type = lines[0].substring("event: ".length());
            JsonNode data = JSON.readTree(lines[1].substring("data: ".length()));
            assertThat(data.path("type").asText()).isEqualTo(type);
            assertThat(data.path("sequence_number").asInt()).isEqualTo(expected++);
            if (types.isEmpty() || !types.get(types.size() - 1).equals(type)) {
                types.add(type);
            }
        }
        assertThat(types).containsExactly("response.created", "response.in_progress", "response.output_item.added",
                "response.reasoning_summary_part.added", "response.reasoning_summary_text.delta",
                "response.reasoning_summary_text.done", "response.reasoning_summary_part.done",
                "response.output_item.done", "response.output_item.added", "response.content_part.added",
                "response.output_text.delta", "response.output_text.done", "response.content_part.done",
                "response.output_item.done", "response.completed");
    }

    @Test
    void endsAResponsesStreamWithResponseFailed_whenT3ChatFailsMidReply() throws Exception {
        fixture.server.enqueueChat(io.github.t3chat4j.testkit.Scenarios.errorAfterText());

        HttpResponse<String> response = post("/responses", "{\"model\":\"gemini-2.5-flash\",\"stream\":true,"
                + "\"input\":\"hello\"}", GatewayFixture.KEY);

        String[] events = response.body().split("\n\n");
        String last = events[events.length - 1];
        assertThat(last).startsWith("event: response.failed\n");
        assertThat(JSON.readTree(last.substring(last.indexOf("data: ") + 6)).at("/response/error/code").asText())
                .isEqualTo("t3chat_stream_error");
        assertThat(response.body()).doesNotContain("response.completed");
    }

    @Test
    void answersMalformedHttpWithJson_notAnHtmlPage() throws Exception {
        String raw = rawExchange("GARBAGE\r\n\r\n", null);

        assertThat(raw).startsWith("HTTP/1.1 400").contains("application/json").contains("\"error\"")
                .doesNotContain("<html");
    }

    @Test
    void sendsNoCorsHeaders_unlessAsked() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(fixture.url("/models"))
                .header("Authorization", "Bearer " + GatewayFixture.KEY).header("Origin", "http://evil.example")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control"));
    }

    @Test
    void answersPreflightsForTheOriginsAllowed() throws Exception {
        GatewayFixture cors = GatewayFixture.start(config -> config.withCorsOrigins(List.of("http://localhost:3000")));
        try {
            HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(cors.url("/chat/completions"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:3000")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type").build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(cors.url("/models"))
                    .header("Authorization", "Bearer " + GatewayFixture.KEY).header("Origin", "http://evil.example")
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(allowed.headers().firstValue("access-control-allow-origin")).hasValue("http://localhost:3000");
            // '*' would not cover Authorization (Fetch standard): the headers are listed one by one.
            String headers = allowed.headers().firstValue("access-control-allow-headers").orElse("").toLowerCase();
            assertThat(headers).doesNotContain("*").contains("authorization").contains("content-type")
                    .contains("x-stainless-os").contains("x-api-key");
            assertThat(allowed.headers().firstValue("access-control-allow-methods").orElse(""))
                    .contains("POST").contains("HEAD");
            assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
        } finally {
            cors.close();
        }
    }

    /** Sends {@code request} and reads until {@code end} arrives (or, when null, until the server closes). */
    private String rawExchange(String request, String end) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.gateway.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            if (end == null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            StringBuilder read = new StringBuilder();
            byte[] buffer = new byte[8192];
            int n;
            while (!read.toString().endsWith(end) && (n = in.read(buffer)) > 0) {
                read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return read.toString();
        }
    }

}
