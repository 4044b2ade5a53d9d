package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.testkit.ChatScenario;
import io.github.t3chat4j.testkit.Scenarios;
import io.github.t3chat4j.testkit.node.NodeProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official {@code openai} npm package (pinned by its lockfile in {@code src/test/node/openai-agent})
 * as a Node.js client of the gateway, over loopback, in front of the fake t3.chat playing a model:
 * full agent loops (the model asks for a tool, the script runs it, the model answers) over Chat
 * Completions and the Responses API, the SDK's helpers, and structured output; and the AI SDK
 * ({@code ai} with {@code @ai-sdk/openai}, {@code src/test/node/ai-sdk}) running its tool loop on both APIs. The key reaches the
 * scripts through their environment. Skipped, with the reason, where Node.js or the npm registry is
 * missing.
 */
class NodeClientsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static NodeProject.Installation node;
    private static NodeProject.Installation aiSdk;

    private final GatewayFixture fixture = GatewayFixture.start();

    @BeforeAll
    static void install() {
        node = NodeProject.install(Path.of("src/test/node/openai-agent"), Path.of("target/node/openai-agent"));
        aiSdk = NodeProject.install(Path.of("src/test/node/ai-sdk"), Path.of("target/node/ai-sdk"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** The fake model: answers structured questions with a city's facts, and uses get_weather otherwise. */
    private void playTheModel() {
        ChatScenario tools = Scenarios.toolUser("get_weather", "{\"city\": \"Paris\"}", "The weather: ");
        fixture.server.defaultChat(exchange -> {
            if (exchange.systemPrompt().contains("# Answer format")) {
                Scenarios.reply("```json\n{\"name\": \"Paris\", \"population\": 2102650}\n```").respond(exchange);
            } else {
                tools.respond(exchange);
            }
        });
    }

    /** The JSON lines {@code script} of {@code project} printed, run with the gateway's address and key. */
    private List<JsonNode> lines(NodeProject.Installation project, String script) throws Exception {
        assumeTrue(project.installed(), project.reason());
        Map<String, String> environment = new HashMap<>();
        environment.put("OPENAI_BASE_URL", fixture.baseUrl().toString());
        environment.put("OPENAI_API_KEY", GatewayFixture.KEY);
        environment.put("T3_BASE_URL", fixture.baseUrl().toString());
        environment.put("T3_GATEWAY_KEY", GatewayFixture.KEY);
        NodeProject.Result result = project.get().run(script, List.of(), environment, Duration.ofMinutes(2));
        assertThat(result.succeeded()).as(result.describe()).isTrue();
        assertThat(result.stdout() + result.stderr()).doesNotContain(GatewayFixture.COOKIE_SECRET);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : result.stdout().strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** The results {@code script} of the openai project reported, by name. */
    private Map<String, JsonNode> run(String script) throws Exception {
        Map<String, JsonNode> results = new HashMap<>();
        for (JsonNode json : lines(node, script)) {
            json.fieldNames().forEachRemaining(name -> results.put(name, json.get(name)));
        }
        return results;
    }

    @Test
    void runsAnAgentLoopOverChatCompletions_byHand_withRunTools_andStreamed() throws Exception {
        playTheModel();

        Map<String, JsonNode> out = run("chat-agent.mjs");

        assertThat(out.get("manual").path("answer").asText()).isEqualTo("The weather: 18°C and sunny in Paris");
        assertThat(out.get("manual").path("calls").asInt()).isEqualTo(1);
        assertThat(out.get("runTools").asText()).isEqualTo("The weather: 18°C and sunny in Paris");
        JsonNode streamed = out.get("streamed");
        assertThat(streamed.path("finish").asText()).isEqualTo("tool_calls");
        assertThat(streamed.path("name").asText()).isEqualTo("get_weather");
        assertThat(streamed.path("arguments").path("city").asText()).isEqualTo("Paris");
        assertThat(streamed.path("deltas").asInt()).isPositive();
        assertThat(fixture.server.requests("/api/chat")).hasSize(5);
    }

    @Test
    void runsAnAgentLoopOverTheResponsesApi_withPreviousResponseId_andStreamed() throws Exception {
        playTheModel();

        Map<String, JsonNode> out = run("responses-agent.mjs");

        assertThat(out.get("loop").path("answer").asText()).isEqualTo("The weather: 18°C and sunny in Paris");
        assertThat(out.get("loop").path("calls").asInt()).isEqualTo(1);
        JsonNode streamed = out.get("streamed");
        assertThat(streamed.path("status").asText()).isEqualTo("completed");
        assertThat(streamed.path("arguments").path("city").asText()).isEqualTo("Paris");
        assertThat(streamed.path("sawArgumentDeltas").asBoolean()).isTrue();
    }

    @Test
    void parsesStructuredOutput_onBothApis() throws Exception {
        playTheModel();

        Map<String, JsonNode> out = run("structured.mjs");

        assertThat(out.get("chat").path("name").asText()).isEqualTo("Paris");
        assertThat(out.get("chat").path("population").asLong()).isEqualTo(2_102_650L);
        assertThat(out.get("responses").path("population").asLong()).isEqualTo(2_102_650L);
    }

    @Test
    void runsTheAiSdksToolLoop_overResponsesAndChatCompletions_andGeneratesAnObject() throws Exception {
        playTheModel();

        List<JsonNode> out = lines(aiSdk, "agent.mjs");

        assertThat(out).hasSize(3);
        for (JsonNode loop : out.subList(0, 2)) {
            assertThat(loop.path("text").asText()).isEqualTo("The weather: 18°C and sunny in Paris");
            assertThat(loop.path("steps").asInt()).isEqualTo(2);
        }
        assertThat(out.get(2).path("name").asText()).isEqualTo("Paris");
        assertThat(out.get(2).path("population").asLong()).isEqualTo(2_102_650L);
        assertThat(fixture.log).anyMatch(line -> line.startsWith("POST /v1/responses 200"))
                .anyMatch(line -> line.startsWith("POST /v1/chat/completions 200"));
    }

    @Test
    void runsTheReadmesOpenAiExample() throws Exception {
        playTheModel();

        NodeProject.Installation project = node;
        assumeTrue(project.installed(), project.reason());
        NodeProject.Result result = project.get().run("readme-agent.mjs", List.of(), Map.of("T3_BASE_URL",
                fixture.baseUrl().toString(), "T3_GATEWAY_KEY", GatewayFixture.KEY), Duration.ofMinutes(2));

        assertThat(result.succeeded()).as(result.describe()).isTrue();
        assertThat(result.stdout()).isEqualTo("The weather: 18°C and sunny in Paris\n");
    }

    @Test
    void theReadmeShowsTheNodeExamplesThatRunHere() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));

        assertThat(readme).contains(example("src/test/node/openai-agent/readme-agent.mjs", "openai-node"))
                .contains(example("src/test/node/ai-sdk/agent.mjs", "ai-sdk"));
    }

    /** The lines between {@code // readme:NAME} and {@code // end} of a script, as the README shows them. */
    private static String example(String script, String name) throws Exception {
        String text = Files.readString(Path.of(script));
        String start = "// readme:" + name + "\n";
        String body = text.substring(text.indexOf(start) + start.length(), text.indexOf("// end"));
        return "<!-- node-example:" + name + " -->\n```js\n" + body + "```";
    }
}
