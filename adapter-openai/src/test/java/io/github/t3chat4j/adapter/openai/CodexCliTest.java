package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.t3chat4j.testkit.Scenarios;
import io.github.t3chat4j.testkit.node.NodeProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Codex CLI ({@code @openai/codex}, pinned by its lockfile in {@code src/test/node/codex}) as an agent
 * on {@code t3 serve}: {@code codex exec} with the gateway as a custom Responses provider, in front of
 * the fake t3.chat playing a model that runs one command. Codex runs the command itself (the number it
 * reads exists only in the task's folder) and the model's answer after the result is Codex's last
 * message. Codex gets a temporary home, the key in its environment, and a proxy that leads nowhere for
 * anything but loopback. Skipped, with the reason, where Node.js or the npm registry is missing.
 */
class CodexCliTest {

    private static final String SECRET_NUMBER = "73914";

    @Test
    void completesATaskThatNeedsOneToolCall(@TempDir Path home, @TempDir Path work) throws Exception {
        NodeProject.Installation codex = NodeProject.install(Path.of("src/test/node/codex"), Path.of("target/node/codex"));
        assumeTrue(codex.installed(), codex.reason());
        Files.writeString(work.resolve("answer.txt"), SECRET_NUMBER + "\n");
        try (GatewayFixture fixture = GatewayFixture.start()) {
            fixture.server.defaultChat(Scenarios.toolUser("exec_command", "{\"cmd\": \"cat answer.txt\"}",
                    "The number in answer.txt is: "));
            Map<String, String> environment = new HashMap<>();
            environment.put("CODEX_HOME", home.toString());
            environment.put("HOME", home.toString());
            environment.put("T3_GATEWAY_KEY", GatewayFixture.KEY);
            environment.put("HTTPS_PROXY", "http://127.0.0.1:9");
            environment.put("HTTP_PROXY", "http://127.0.0.1:9");
            environment.put("NO_PROXY", "127.0.0.1,localhost");
            environment.put("RUST_LOG", "error");

            NodeProject.Result result = codex.get().run("node_modules/@openai/codex/bin/codex.js", List.of("exec",
                    "--skip-git-repo-check", "--color", "never", "-C", work.toString(), "-s", "danger-full-access",
                    "-m", "gemini-2.5-flash", "-c", "model_provider=t3",
                    "-c", "model_providers.t3={name=\"t3 serve\",base_url=\"" + fixture.baseUrl()
                            + "\",env_key=\"T3_GATEWAY_KEY\",wire_api=\"responses\"}",
                    "What is the number in answer.txt? Read the file."), environment, Duration.ofMinutes(3));

            assertThat(result.succeeded()).as(result.describe()).isTrue();
            assertThat(result.stdout()).as(result.describe()).contains("The number in answer.txt is:")
                    .contains(SECRET_NUMBER);
            List<String> bodies = fixture.server.requests("/api/chat").stream().map(r -> r.body()).toList();
            assertThat(bodies).as("t3.chat saw the call, then its result").hasSizeGreaterThanOrEqualTo(2);
            assertThat(bodies.get(0)).doesNotContain(SECRET_NUMBER);
            assertThat(bodies.get(1)).contains("<tool_result name=\\\"exec_command\\\"").contains(SECRET_NUMBER);
            assertThat(fixture.log).isNotEmpty().allSatisfy(line -> assertThat(line).matches("POST /v1/responses 200 .*"));
            assertThat(result.stdout() + result.stderr()).doesNotContain(GatewayFixture.KEY);
        }
    }
}
