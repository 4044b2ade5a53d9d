package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.testkit.ChatScenario;
import io.github.t3chat4j.testkit.Scenarios;
import io.github.t3chat4j.testkit.node.NodeProject;
import java.nio.file.Path;
import java.time.Duration;
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
 * Completions and the Responses API, the SDK's helpers, and structured output. The key reaches the
 * scripts through their environment. Skipped, with the reason, where Node.js or the npm registry is
 * missing.
 */
class NodeClientsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static NodeProject.Installation node;

    private final GatewayFixture fixture = GatewayFixture.start();

    @BeforeAll
    static void install() {
        node = NodeProject.install(Path.of("src/test/node/openai-agent"), Path.of("target/node/openai-agent"));
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

    private Map<String, JsonNode> run(String script) throws Exception {
        assumeTrue(node.installed(), node.reason());
        Map<String, String> environment = new HashMap<>();
        environment.put("OPENAI_BASE_URL", fixture.baseUrl().toString());
        environment.put("OPENAI_API_KEY", GatewayFixture.KEY);
        NodeProject.Result result = node.get().run(script, List.of(), environment, Duration.ofMinutes(2));
        assertThat(result.succeeded()).as(result.describe()).isTrue();
        assertThat(result.stdout() + result.stderr()).doesNotContain(GatewayFixture.COOKIE_SECRET);
        Map<String, JsonNode> lines = new HashMap<>();
        for (String line : result.stdout().strip().split("\n")) {
            JsonNode json = JSON.readTree(line);
            json.fieldNames().forEachRemaining(name -> lines.put(name, json.get(name)));
        }
        return lines;
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
}
