package io.github.t3chat4j.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.adapter.listener.ListenRules;
import io.github.t3chat4j.adapter.storage.StorageAdapters;
import io.github.t3chat4j.adapter.storage.StorageConfig;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server over streamable HTTP, in process, in front of the fake t3.chat through the real HTTP and
 * storage adapters; the MCP Java SDK's client is the host (and, where a host's cancellation is needed, HTTP
 * requests carrying messages the SDK wrote).
 */
class McpServerTest {

    private static final String KEY = "a-key-of-more-than-twenty-four-characters";
    private static final String COOKIE_SECRET = "cookie-secret-value-9876543210";
    private static final String CONVEX_SECRET = "convex-secret-value-0123456789";
    private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.builder().build());

    @TempDir
    Path folder;

    private FakeT3Server fake;
    private T3Client client;
    private McpHttpServer server;

    @BeforeEach
    void start() {
        fake = FakeT3Server.start();
        StorageConfig storage = new StorageConfig(folder);
        client = T3Client.builder().cookies("wos-session=" + COOKIE_SECRET).convexSessionId(CONVEX_SECRET)
                .adapters(HttpAdapters.create(HttpConfig.defaults(fake.baseUrl()).withMaxRetries(0)))
                .adapters(StorageAdapters.create(storage)).build();
        T3McpServer mcp = T3McpServer.over(client, T3McpServer.McpOptions.defaults("test").withSecrets(List.of(COOKIE_SECRET, CONVEX_SECRET, KEY)));
        server = mcp.startHttp(ListenRules.of("127.0.0.1", List.of(), List.of()), 0, KEY, Duration.ofSeconds(1),
                line -> { });
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
        fake.close();
    }

    private McpSyncClient host() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + server.url().getPort()).endpoint(McpHttpServer.ENDPOINT).jsonMapper(JSON)
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + KEY)).build();
        McpSyncClient host = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        host.initialize();
        return host;
    }

    private static String text(CallToolResult result) {
        return result.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void aRateLimit_isAToolErrorThatSaysWhenToRetry() {
        fake.enqueueChat(Scenarios.rateLimited(30));
        try (McpSyncClient host = host()) {
            CallToolResult result = host.callTool(new CallToolRequest("ask", Map.of("prompt", "hello")));

            assertThat(result.isError()).isTrue();
            assertThat(text(result)).contains("rate limiting").contains("Retry in 30 s (at ")
                    .contains("Do not retry at once");
        }
    }

    @Test
    void anErrorInsideTheReply_keepsWhatArrived_andSaysItEndedEarly() {
        fake.enqueueChat(Scenarios.errorAfterText());
        try (McpSyncClient host = host()) {
            CallToolResult result = host.callTool(new CallToolRequest("ask", Map.of("prompt", "hello")));

            assertThat(text(result)).as("a tool error or a result marked incomplete, never a crash")
                    .containsAnyOf(Scenarios.ERROR_TEXT, "ended early");
        }
    }

    @Test
    void noSecretReachesTheHost_evenWhenAnAnswerRepeatsOne() throws Exception {
        List<String> sent = new ArrayList<>();
        try (McpSyncClient host = host()) {
            sent.add(JSON.writeValueAsString(host.callTool(new CallToolRequest("ask", Map.of("prompt",
                    "my key is " + KEY + " and my cookie " + COOKIE_SECRET)))));
            fake.revokeSession();
            for (String tool : List.of("ask", "credits", "list_models", "generate_image")) {
                sent.add(JSON.writeValueAsString(host.callTool(new CallToolRequest(tool, Map.of("prompt", "x")))));
            }
            sent.add(JSON.writeValueAsString(host.callTool(new CallToolRequest("conversations",
                    Map.of("action", "list")))));
        }
        assertThat(sent.get(0)).contains("Echo(1): my key is [redacted] and my cookie [redacted]");
        assertThat(String.join("\n", sent)).contains("t3 login").doesNotContain(KEY).doesNotContain(COOKIE_SECRET)
                .doesNotContain(CONVEX_SECRET);
    }

    @Test
    void aHostsCancellation_stopsTheAnswerAtT3Chat_andTheCallReturnsWhatArrived() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        fake.enqueueChat(Scenarios.gated(gate));
        HttpClient http = HttpClient.newHttpClient();
        AtomicInteger ids = new AtomicInteger();
        try {
            HttpResponse<String> init = http.send(post(null, new JSONRPCRequest(McpSchema.JSONRPC_VERSION,
                    McpSchema.METHOD_INITIALIZE, ids.incrementAndGet(), new McpSchema.InitializeRequest("2025-06-18",
                            McpSchema.ClientCapabilities.builder().build(), new McpSchema.Implementation("test", "1")))),
                    HttpResponse.BodyHandlers.ofString());
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            http.send(post(session, new JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                    McpSchema.METHOD_NOTIFICATION_INITIALIZED, null)), HttpResponse.BodyHandlers.discarding());

            HttpResponse<InputStream> call = http.send(post(session, new JSONRPCRequest(McpSchema.JSONRPC_VERSION,
                    McpSchema.METHOD_TOOLS_CALL, 42, new CallToolRequest("ask", Map.of("prompt", "tell me slowly"),
                            Map.of("progressToken", "p")))), HttpResponse.BodyHandlers.ofInputStream());
            List<JSONRPCMessage> events = new ArrayList<>();
            try (BufferedReader sse = new BufferedReader(new InputStreamReader(call.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = sse.readLine()) != null) {
                    if (!line.startsWith("data:")) {
                        continue;
                    }
                    JSONRPCMessage message = McpSchema.deserializeJsonRpcMessage(JSON, line.substring(5).strip());
                    events.add(message);
                    if (message instanceof JSONRPCNotification progress && progress.method().equals(
                            McpSchema.METHOD_NOTIFICATION_PROGRESS) && events.size() == 1) {
                        // The first words arrived: the host cancels the call.
                        http.send(post(session, new JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                                "notifications/cancelled", Map.of("requestId", 42, "reason", "stop"))),
                                HttpResponse.BodyHandlers.discarding());
                    }
                    if (message instanceof JSONRPCResponse) {
                        break;
                    }
                }
            }
            JSONRPCResponse response = (JSONRPCResponse) events.get(events.size() - 1);
            CallToolResult result = JSON.convertValue(response.result(), CallToolResult.class);
            assertThat(result.structuredContent()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("answer", Scenarios.GATED_FIRST).containsEntry("ending", "cancelled")
                    .containsEntry("complete", false);
        } finally {
            gate.countDown();
        }
    }

    private HttpRequest post(String session, JSONRPCMessage message) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.url().getPort()
                + McpHttpServer.ENDPOINT)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message)));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
        }
        return request.build();
    }
}
