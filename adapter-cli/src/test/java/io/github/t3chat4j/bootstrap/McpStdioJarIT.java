package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.testkit.FakeT3Server;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code t3 mcp} as an MCP host drives it: the packaged jar started as a process over standard input and
 * output, by the official MCP Java SDK's client (and, for the purity of standard output, by a process
 * fed messages the SDK wrote).
 */
class McpStdioJarIT {

    private static final Path JAR = Path.of("target", "t3.jar");
    private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.builder().build());

    private static Map<String, String> environment(Path home, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("COOKIES", "CONVEX_SESSION_ID", "T3_GATEWAY_KEY", "T3_COOKIES_FROM_BROWSER",
                "T3_BASE_URL", "T3_MODEL")) {
            env.put(name, "");
        }
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.putAll(extra);
        return env;
    }

    private static McpSyncClient client(Path home, Map<String, String> env, List<String> stderr,
            List<ProgressNotification> progress, String... args) {
        assertThat(JAR).exists();
        List<String> command = new ArrayList<>(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ServerParameters server = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()).args(command).env(environment(home, env)).build();
        StdioClientTransport transport = new StdioClientTransport(server, JSON);
        transport.setStdErrorHandler(stderr::add);
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60)).progressConsumer(progress::add).build();
        client.initialize();
        return client;
    }

    private static String text(CallToolResult result) {
        StringBuilder text = new StringBuilder();
        result.content().stream().filter(TextContent.class::isInstance).map(TextContent.class::cast)
                .forEach(t -> text.append(t.text()).append('\n'));
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHostInitialisesListsTheToolsAndCallsEachOne_againstTheDemo() throws Exception {
        Path home = Files.createTempDirectory("t3-mcp-it");
        Path images = home.resolve("pictures");
        List<String> stderr = new CopyOnWriteArrayList<>();
        List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = client(home, Map.of(), stderr, progress, "mcp", "--demo", "--image-folder",
                images.toString())) {
            assertThat(client.getServerInfo().name()).isEqualTo("t3");
            assertThat(client.getServerInstructions()).contains("conversation_id");

            List<Tool> tools = client.listTools().tools();
            assertThat(tools).extracting(Tool::name)
                    .containsExactlyInAnyOrder("ask", "generate_image", "list_models", "credits", "conversations");
            Tool ask = tools.stream().filter(t -> t.name().equals("ask")).findFirst().orElseThrow();
            assertThat(ask.inputSchema()).containsEntry("required", List.of("prompt"));
            assertThat(((Map<String, Object>) ask.inputSchema().get("properties")).keySet()).contains("model", "system_prompt", "reasoning_effort",
                    "search", "conversation_id", "include_reasoning");
            assertThat(ask.outputSchema()).containsKey("properties");
            assertThat(ask.description()).contains("conversation_id").contains("list_models");

            CallToolResult first = client.callTool(new CallToolRequest("ask", Map.of("prompt", "Hello from a host"),
                    Map.of("progressToken", "ask-1")));
            assertThat(first.isError()).as(text(first)).isFalse();
            assertThat(text(first)).contains("Echo(1): Hello from a host");
            assertThat(structured(first)).containsEntry("answer", "Echo(1): Hello from a host")
                    .containsEntry("model", "gemini-2.5-flash-lite").containsEntry("complete", true)
                    .containsEntry("ending", "finished");
            assertThat(progress).as("progress while the answer streamed")
                    .anyMatch(p -> p.progressToken().equals("ask-1") && p.message().contains("characters"));
            String conversation = (String) structured(first).get("conversation_id");

            CallToolResult second = client.callTool(new CallToolRequest("ask", Map.of("prompt", "And again",
                    "conversation_id", conversation)));
            assertThat(structured(second)).as("the history was sent: 3 messages")
                    .containsEntry("answer", "Echo(3): And again").containsEntry("conversation_id", conversation);

            CallToolResult reasoning = client.callTool(new CallToolRequest("ask", Map.of("prompt", "think about it",
                    "reasoning_effort", "high", "include_reasoning", true)));
            assertThat(reasoning.isError()).as(text(reasoning)).isFalse();

            CallToolResult image = client.callTool(new CallToolRequest("generate_image",
                    Map.of("prompt", "a lighthouse at dusk")));
            assertThat(image.isError()).as(text(image)).isFalse();
            ImageContent picture = image.content().stream().filter(ImageContent.class::isInstance)
                    .map(ImageContent.class::cast).findFirst().orElseThrow();
            assertThat(picture.mimeType()).startsWith("image/");
            byte[] bytes = Base64.getDecoder().decode(picture.data());
            assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
            Path saved = Path.of((String) structured(image).get("saved_path"));
            assertThat(saved).startsWith(images).exists();
            assertThat(Files.readAllBytes(saved)).isEqualTo(bytes);

            CallToolResult models = client.callTool(new CallToolRequest("list_models", Map.of("images", true)));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> imageModels = (List<Map<String, Object>>) structured(models).get("models");
            assertThat(imageModels).isNotEmpty().allMatch(m -> Boolean.TRUE.equals(m.get("images")))
                    .anyMatch(m -> m.get("id").equals("gpt-image-1"));
            assertThat((Integer) structured(models).get("total")).isGreaterThan(imageModels.size());

            CallToolResult credits = client.callTool(new CallToolRequest("credits", Map.of()));
            assertThat(credits.isError()).as(text(credits)).isFalse();
            assertThat(structured(credits)).containsKeys("tier", "balance", "balance_reliable");

            CallToolResult listed = client.callTool(new CallToolRequest("conversations", Map.of("action", "list")));
            assertThat(text(listed)).contains(conversation);
            CallToolResult read = client.callTool(new CallToolRequest("conversations",
                    Map.of("action", "read", "id", conversation)));
            assertThat(text(read)).contains("Hello from a host").contains("Echo(3): And again");

            McpSchema.ReadResourceResult resource = client.readResource(
                    new ReadResourceRequest("t3://conversations/" + conversation));
            TextResourceContents markdown = (TextResourceContents) resource.contents().get(0);
            assertThat(markdown.mimeType()).isEqualTo("text/markdown");
            assertThat(markdown.text()).contains("Hello from a host").contains("Echo(1): Hello from a host");
            assertThat(client.listResourceTemplates().resourceTemplates()).extracting(t -> t.uriTemplate())
                    .containsExactly("t3://conversations/{id}");

            assertThat(client.listPrompts().prompts()).extracting(p -> p.name())
                    .containsExactlyInAnyOrder("second_opinion", "compare_models");
            McpSchema.GetPromptResult opinion = client.getPrompt(new GetPromptRequest("second_opinion",
                    Map.of("diff", "-a\n+b", "model", "claude-4-sonnet")));
            assertThat(((TextContent) opinion.messages().get(0).content()).text()).contains("`ask`")
                    .contains("claude-4-sonnet").contains("-a\n+b");

            CallToolResult unknown = client.callTool(new CallToolRequest("ask", Map.of("prompt", "hi",
                    "model", "gpt-4x")));
            assertThat(unknown.isError()).isTrue();
            assertThat(text(unknown)).contains("Unknown model 'gpt-4x'").contains("gpt-4o").contains("list_models");

            CallToolResult missing = client.callTool(new CallToolRequest("conversations", Map.of("action", "read")));
            assertThat(missing.isError()).isTrue();
            assertThat(text(missing)).contains("needs id");
        }
        assertThat(String.join("\n", stderr)).doesNotContain("Exception");
    }

    @Test
    void aBadArgument_isAToolErrorThatNamesIt_andTheServerGoesOn() throws Exception {
        Path home = Files.createTempDirectory("t3-mcp-it");
        try (McpSyncClient client = client(home, Map.of(), new CopyOnWriteArrayList<>(), new ArrayList<>(), "--demo",
                "mcp")) {
            CallToolResult wrongType = client.callTool(new CallToolRequest("ask", Map.of("prompt", "hi",
                    "search", "yes")));
            assertThat(wrongType.isError()).isTrue();
            assertThat(text(wrongType)).contains("search");
            CallToolResult noPrompt = client.callTool(new CallToolRequest("ask", Map.of()));
            assertThat(noPrompt.isError()).isTrue();
            assertThat(text(noPrompt)).contains("prompt");

            CallToolResult after = client.callTool(new CallToolRequest("ask", Map.of("prompt", "still there?")));
            assertThat(text(after)).contains("Echo(1): still there?");
        }
    }

    @Test
    void anExpiredSession_isAToolErrorThatSaysToRunT3Login_andNoSecretReachesTheHost() throws Exception {
        String cookie = "wos-session=expired-session-token-3141592653";
        String convex = "convex-secret-id-2718281828";
        try (FakeT3Server server = FakeT3Server.start().revokeSession()) {
            Path home = Files.createTempDirectory("t3-mcp-it");
            List<String> stderr = new CopyOnWriteArrayList<>();
            Map<String, String> env = Map.of("COOKIES", cookie, "CONVEX_SESSION_ID", convex,
                    "T3_BASE_URL", server.baseUrl().toString());
            List<String> seen = new ArrayList<>();
            try (McpSyncClient client = client(home, env, stderr, new ArrayList<>(), "mcp")) {
                for (String tool : List.of("ask", "credits")) {
                    CallToolResult result = client.callTool(new CallToolRequest(tool,
                            tool.equals("ask") ? Map.of("prompt", "hello") : Map.of()));
                    assertThat(result.isError()).as(tool).isTrue();
                    assertThat(text(result)).as(tool).contains("t3 login");
                    seen.add(JSON.writeValueAsString(result));
                }
                seen.add(JSON.writeValueAsString(client.callTool(new CallToolRequest("list_models", Map.of()))));
                seen.add(JSON.writeValueAsString(client.listTools()));
            }
            seen.addAll(stderr);
            assertThat(String.join("\n", seen)).doesNotContain("expired-session-token-3141592653")
                    .doesNotContain(convex);
        }
    }

    @Test
    void standardOutputCarriesNothingButProtocolMessages() throws Exception {
        assertThat(JAR).exists();
        Path home = Files.createTempDirectory("t3-mcp-it");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "mcp", "--demo", "--verbose");
        builder.environment().putAll(environment(home, Map.of()));
        builder.redirectError(home.resolve("stderr.txt").toFile());
        Process process = builder.start();
        List<JSONRPCMessage> messages = List.of(
                new JSONRPCRequest(McpSchema.JSONRPC_VERSION, McpSchema.METHOD_INITIALIZE, 1,
                        new McpSchema.InitializeRequest(io.modelcontextprotocol.spec.ProtocolVersions.MCP_2025_06_18,
                                McpSchema.ClientCapabilities.builder().build(), new McpSchema.Implementation("it", "1"))),
                new JSONRPCNotification(McpSchema.JSONRPC_VERSION, McpSchema.METHOD_NOTIFICATION_INITIALIZED, null),
                new JSONRPCRequest(McpSchema.JSONRPC_VERSION, McpSchema.METHOD_TOOLS_LIST, 2, null),
                new JSONRPCRequest(McpSchema.JSONRPC_VERSION, McpSchema.METHOD_TOOLS_CALL, 3,
                        new CallToolRequest("ask", Map.of("prompt", "pure?"), Map.of("progressToken", 7))),
                new JSONRPCRequest(McpSchema.JSONRPC_VERSION, McpSchema.METHOD_TOOLS_CALL, 4,
                        new CallToolRequest("ask", Map.of("prompt", "pure?", "model", "no-such-model"))));
        OutputStream in = process.getOutputStream();
        for (JSONRPCMessage message : messages) {
            in.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
        // Every answer is in before input ends: then the server stops by itself.
        List<String> lines = new ArrayList<>();
        try (var out = process.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while (!(lines.stream().anyMatch(l -> l.contains("\"id\":3,")) && lines.stream().anyMatch(l -> l.contains("\"id\":4,")))
                    && (line = out.readLine()) != null) {
                lines.add(line);
            }
            in.close();
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JSONRPCMessage message = McpSchema.deserializeJsonRpcMessage(JSON, line);
            assertThat(message).as(line).isInstanceOfAny(JSONRPCResponse.class, JSONRPCNotification.class);
        }
        assertThat(lines).anyMatch(l -> l.contains("notifications/progress")).anyMatch(l -> l.contains("Echo(1): pure?"));
        assertThat(Files.readString(home.resolve("stderr.txt"))).contains("t3 mcp: an MCP server on standard input");
    }
}
