package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.testkit.Scenarios;
import io.github.t3chat4j.testkit.node.NodeProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official {@code @anthropic-ai/sdk} npm package (pinned by its lockfile in
 * {@code src/test/node/anthropic-agent}) as a Node.js client of the gateway's Messages API, over
 * loopback, in front of the fake t3.chat playing a model: a full tool loop by hand, streamed, and with
 * the SDK's tool runner; a token count; a wrong key. The base URL and the key reach the script through
 * its environment. Skipped, with the reason, where Node.js or the npm registry is missing.
 */
class AnthropicNodeClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static NodeProject.Installation node;

    private final GatewayFixture fixture = GatewayFixture.start();

    @BeforeAll
    static void install() {
        node = NodeProject.install(Path.of("src/test/node/anthropic-agent"), Path.of("target/node/anthropic-agent"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void runsAFullToolLoop_byHand_streamed_andWithTheSdksToolRunner() throws Exception {
        assumeTrue(node.installed(), node.reason());
        fixture.server.defaultChat(Scenarios.toolUser("get_weather", "{\"city\": \"Paris\"}", "The weather: "));

        NodeProject.Result result = node.get().run("tool-loop.mjs", List.of(), environment(), Duration.ofMinutes(2));

        assertThat(result.succeeded()).as(result.describe()).isTrue();
        assertThat(result.stdout() + result.stderr()).doesNotContain(GatewayFixture.KEY)
                .doesNotContain(GatewayFixture.COOKIE_SECRET);
        Map<String, JsonNode> out = new HashMap<>();
        for (String line : result.stdout().strip().split("\n")) {
            JsonNode json = JSON.readTree(line);
            json.fieldNames().forEachRemaining(name -> out.put(name, json.get(name)));
        }
        String answer = "The weather: 18°C and sunny in Paris";
        assertThat(out.get("byHand").path("answer").asText()).isEqualTo(answer);
        assertThat(out.get("byHand").path("calls").asInt()).isEqualTo(1);
        assertThat(out.get("byHand").path("stop").asText()).isEqualTo("end_turn");
        assertThat(out.get("byHand").path("model").asText()).isEqualTo("claude-4-sonnet");
        JsonNode streamed = out.get("streamed");
        assertThat(streamed.path("answer").asText()).isEqualTo(answer);
        assertThat(streamed.path("streamedText").asText()).isEqualTo(answer);
        assertThat(streamed.path("calls").asInt()).isEqualTo(1);
        assertThat(streamed.path("events").toString()).contains("message_start", "content_block_start", "text_delta",
                "content_block_stop", "message_delta", "message_stop");
        assertThat(out.get("toolRunner").path("answer").asText()).isEqualTo(answer);
        assertThat(out.get("toolRunner").path("calls").asInt()).isEqualTo(1);
        assertThat(out.get("tokens").asInt()).isPositive();
        assertThat(out.get("wrongKey").path("error").asText()).isEqualTo("AuthenticationError");
        assertThat(out.get("wrongKey").path("type").asText()).isEqualTo("authentication_error");
        assertThat(fixture.server.requests("/api/chat")).hasSize(6);
    }

    @Test
    void runsTheReadmesExample_andTheReadmeShowsItAsRun() throws Exception {
        assumeTrue(node.installed(), node.reason());
        fixture.server.defaultChat(Scenarios.toolUser("get_weather", "{\"city\": \"Paris\"}", "The weather: "));

        NodeProject.Result result = node.get().run("readme-agent.mjs", List.of(), environment(), Duration.ofMinutes(2));

        assertThat(result.succeeded()).as(result.describe()).isTrue();
        assertThat(result.stdout()).isEqualTo("claude-4-sonnet The weather: 18°C and sunny in Paris\n");
        String script = Files.readString(Path.of("src/test/node/anthropic-agent/readme-agent.mjs"));
        String start = "// node-example:anthropic-node\n";
        String body = script.substring(script.indexOf(start) + start.length(), script.indexOf("// end"));
        assertThat(Files.readString(Path.of("..", "README.md")))
                .contains("<!-- node-example:anthropic-node -->\n```js\n" + body + "```");
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("ANTHROPIC_BASE_URL", fixture.baseUrl().toString().replaceFirst("/v1$", ""));
        environment.put("ANTHROPIC_API_KEY", GatewayFixture.KEY);
        return environment;
    }
}
