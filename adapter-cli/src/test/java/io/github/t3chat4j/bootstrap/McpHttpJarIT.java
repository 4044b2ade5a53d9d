package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code t3 mcp --http} as a user runs it: the packaged jar as a process, driven by the MCP Java SDK's
 * streamable HTTP client with the key, and refused to clients without it, to other names and to web pages.
 */
class McpHttpJarIT {

    private static final Path JAR = Path.of("target", "t3.jar");

    record Served(Process process, URI url, String key, Path home) {
    }

    static Served start(String... extra) throws IOException {
        assertThat(JAR).exists();
        Path home = Files.createTempDirectory("t3-mcp-http-it");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString(), "--demo", "mcp", "--http", "--port", "0"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command);
        for (String name : List.of("COOKIES", "CONVEX_SESSION_ID", "T3_GATEWAY_KEY", "T3_BASE_URL")) {
            builder.environment().remove(name);
        }
        for (String folder : List.of("DATA", "CONFIG", "CACHE", "STATE")) {
            builder.environment().put("XDG_" + folder + "_HOME", home.resolve(folder.toLowerCase()).toString());
        }
        builder.redirectError(home.resolve("stderr.txt").toFile());
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        URI url = null;
        String key = null;
        List<String> banner = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            banner.add(line);
            if (line.strip().startsWith("URL:")) {
                url = URI.create(line.strip().substring("URL:".length()).strip());
            }
            if (line.strip().startsWith("API key:")) {
                key = line.strip().substring("API key:".length()).strip().split("\\s+")[0];
            }
            if (line.startsWith("Requests are logged")) {
                break;
            }
        }
        assertThat(url).as("banner %s", banner).isNotNull();
        return new Served(process, url, key, home);
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String post(int port, String host, String authorization, String origin) throws IOException {
        String body = "{}";
        return raw(port, "POST /mcp HTTP/1.1\r\nHost: " + host + "\r\n" + (authorization == null ? ""
                : "Authorization: " + authorization + "\r\n") + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body);
    }

    static void interrupt(Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aHostWithTheKeyUsesTheTools_overStreamableHttp() throws Exception {
        Served served = start();
        try {
            assertThat(served.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+/mcp");
            assertThat(served.key()).matches("[A-Za-z0-9_-]{43}");
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                    .builder("http://127.0.0.1:" + served.url().getPort()).endpoint("/mcp")
                    .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + served.key()))
                    .build();
            try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build()) {
                client.initialize();
                assertThat(client.listTools().tools()).extracting(Tool::name)
                        .containsExactlyInAnyOrder("ask", "generate_image", "list_models", "credits", "conversations");
                CallToolResult answer = client.callTool(new CallToolRequest("ask", Map.of("prompt", "over HTTP")));
                assertThat(((TextContent) answer.content().get(0)).text()).isEqualTo("Echo(1): over HTTP");
                CallToolResult unknown = client.callTool(new CallToolRequest("ask", Map.of("prompt", "x",
                        "model", "claude-4-sonet")));
                assertThat(unknown.isError()).isTrue();
                assertThat(((TextContent) unknown.content().get(0)).text()).contains("claude-4-sonnet");
            }
            interrupt(served.process());
            assertThat(served.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(served.home().resolve("stderr.txt"));
            assertThat(stderr).contains("t3 mcp: POST /mcp 200").doesNotContain(served.key()).doesNotContain("Exception");
        } finally {
            served.process().destroyForcibly();
        }
    }

    @Test
    void refusesAWrongKey_anotherName_andAWebPage_beforeAnythingReachesT3Chat() throws Exception {
        Served served = start("--allow-host", "mybox.test");
        try {
            int port = served.url().getPort();
            String noKey = post(port, "127.0.0.1:" + port, null, null);
            String wrongKey = post(port, "127.0.0.1:" + port, "Bearer not-the-key", null);
            String rebound = post(port, "attacker.example", "Bearer " + served.key(), null);
            String page = post(port, "localhost:" + port, "Bearer " + served.key(), "http://evil.example");
            String allowedName = post(port, "mybox.test:" + port, "Bearer " + served.key(), null);

            assertThat(noKey).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: Bearer").contains("No key");
            assertThat(wrongKey).startsWith("HTTP/1.1 401").contains("Wrong key").doesNotContain("not-the-key");
            assertThat(rebound).startsWith("HTTP/1.1 403").contains("host_not_allowed")
                    .contains("--allow-host attacker.example");
            assertThat(page).startsWith("HTTP/1.1 403").contains("origin_not_allowed")
                    .contains("--cors-origin http://evil.example");
            assertThat(allowedName).as("past the guards, the SDK judges the message itself")
                    .doesNotStartWith("HTTP/1.1 401").doesNotStartWith("HTTP/1.1 403");
            interrupt(served.process());
            assertThat(served.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(served.home().resolve("stderr.txt"));
            assertThat(stderr).contains("t3 mcp: POST /mcp 401 invalid_api_key")
                    .contains("t3 mcp: POST /mcp 403 host_not_allowed").doesNotContain(served.key());
        } finally {
            served.process().destroyForcibly();
        }
    }
}
