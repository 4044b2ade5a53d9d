package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.node.NodeProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code t3 mcp} driven by the official MCP TypeScript SDK's client ({@code @modelcontextprotocol/sdk}, the
 * version of {@code src/test/node/mcp-clients/package-lock.json}), as hosts written in TypeScript drive it:
 * the packaged jar over standard input and output, and over streamable HTTP. Skipped, saying why, where Node
 * or the npm registry is not available.
 */
class McpTypeScriptClientIT {

    private static final Path JAR = Path.of("target", "t3.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NodeProject.Installation node;

    @BeforeAll
    static void install() {
        node = NodeProject.install(Path.of("src/test/node/mcp-clients"), Path.of("target/node/mcp-clients"));
    }

    private static JsonNode run(String mode, Map<String, String> environment) throws Exception {
        assumeTrue(node.installed(), node.reason());
        assertThat(JAR).exists();
        Map<String, String> env = new HashMap<>(environment);
        env.put("T3_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("T3_JAR", JAR.toAbsolutePath().toString());
        NodeProject.Result result = node.get().run("host.mjs", List.of(mode), env, Duration.ofMinutes(3));
        assertThat(result.succeeded()).as(result.describe()).isTrue();
        return JSON.readTree(result.stdout());
    }

    private static String serverEnvironment(Path home, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("COOKIES", "CONVEX_SESSION_ID", "T3_GATEWAY_KEY", "T3_BASE_URL", "T3_MODEL")) {
            env.put(name, "");
        }
        env.put("HOME", home.toString());
        for (String folder : List.of("DATA", "CONFIG", "CACHE", "STATE")) {
            env.put("XDG_" + folder + "_HOME", home.resolve(folder.toLowerCase()).toString());
        }
        env.putAll(extra);
        return JSON.writeValueAsString(env);
    }

    @Test
    void aTypeScriptHostCallsEveryTool_cancelsAnAsk_andReadsAConversation_overStdio() throws Exception {
        Path home = Files.createTempDirectory("t3-mcp-ts");
        JsonNode report = run("tour", Map.of("T3_SERVER_ENV", serverEnvironment(home, Map.of())));

        assertThat(report.path("server").path("name").asText()).isEqualTo("t3");
        assertThat(report.path("tools").findValuesAsText("name"))
                .containsExactlyInAnyOrder("ask", "generate_image", "list_models", "credits", "conversations");
        assertThat(report.path("tools")).allMatch(tool -> tool.path("hasOutputSchema").asBoolean());
        assertThat(report.path("ask").path("text").asText()).isEqualTo("Echo(1): Hello from TypeScript");
        assertThat(report.path("ask").path("structured").path("complete").asBoolean()).isTrue();
        assertThat(report.path("ask").path("progress").asInt()).isPositive();
        assertThat(report.path("continued").path("answer").asText()).isEqualTo("Echo(3): Once more");
        assertThat(report.path("image").path("png").asBoolean()).isTrue();
        assertThat(report.path("image").path("mimeType").asText()).isEqualTo("image/png");
        assertThat(report.path("models")).isNotEmpty().allMatch(m -> m.asText().contains("openai"));
        assertThat(report.path("credits").has("balance")).isTrue();
        assertThat(report.path("conversations").toString())
                .contains(report.path("ask").path("structured").path("conversation_id").asText());
        assertThat(report.path("resource").path("mimeType").asText()).isEqualTo("text/markdown");
        assertThat(report.path("resource").path("text").asText()).contains("Hello from TypeScript");
        assertThat(report.path("prompts").toString()).contains("second_opinion").contains("compare_models");
        assertThat(report.path("unknownModel").path("isError").asBoolean()).isTrue();
        assertThat(report.path("unknownModel").path("text").asText()).contains("claude-4-sonnet");
        assertThat(report.path("badArgument").toString()).contains("prompt");

        JsonNode cancelled = report.path("cancelled");
        assertThat(cancelled.path("started").asBoolean()).isTrue();
        assertThat(cancelled.path("aborted").asBoolean()).isTrue();
        assertThat(cancelled.path("kept").asText()).as("what arrived before the cancel, and no more")
                .startsWith("Echo(1):").doesNotContain("partial reply kept.");
        assertThat(report.path("stderr").asText()).doesNotContain("Exception");
    }

    @Test
    void anExpiredSession_tellsTheTypeScriptHostToRunT3Login_withoutASecret() throws Exception {
        String token = "ts-expired-session-token-1618033988";
        String convex = "ts-convex-secret-1414213562";
        try (FakeT3Server server = FakeT3Server.start().revokeSession()) {
            Path home = Files.createTempDirectory("t3-mcp-ts");
            JsonNode report = run("expired", Map.of("T3_MCP_ARGS", "[\"mcp\"]", "T3_SERVER_ENV",
                    serverEnvironment(home, Map.of("COOKIES", "wos-session=" + token, "CONVEX_SESSION_ID", convex,
                            "T3_BASE_URL", server.baseUrl().toString()))));

            assertThat(report.path("ask").path("isError").asBoolean()).isTrue();
            assertThat(report.path("ask").path("text").asText()).contains("t3 login");
            assertThat(report.path("credits").path("text").asText()).contains("t3 login");
            assertThat(report.toString()).doesNotContain(token).doesNotContain(convex);
        }
    }

    @Test
    void overStreamableHttp_aTypeScriptHostNeedsTheKey() throws Exception {
        assumeTrue(node.installed(), node.reason());
        McpHttpJarIT.Served served = McpHttpJarIT.start();
        try {
            JsonNode report = run("http", Map.of("T3_MCP_URL", served.url().toString(), "T3_MCP_KEY", served.key()));

            assertThat(report.path("tools").toString()).contains("ask").contains("conversations");
            assertThat(report.path("ask").asText()).isEqualTo("Echo(1): Hello over HTTP");
            assertThat(report.path("wrongKey").asText()).contains("invalid_api_key").contains("Wrong key")
                    .doesNotContain("not-the-key-at-all");
            assertThat(report.path("noKey").asText()).contains("invalid_api_key").contains("No key");
            McpHttpJarIT.interrupt(served.process());
            assertThat(served.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            served.process().destroyForcibly();
        }
    }
}
