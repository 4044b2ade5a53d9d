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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claude Code ({@code @anthropic-ai/claude-code}, pinned by its lockfile in {@code src/test/node/claude-code})
 * in print mode, pointed at the gateway in front of the fake t3.chat playing a model, with nothing else to
 * reach: it completes a task that needs one tool call (reading a file only its Read tool can see). Its
 * home is a temporary folder, its telemetry, updates and other traffic are off, and the key reaches it
 * through its environment. Skipped, with the reason, where Node.js, the npm registry or a Claude Code
 * build for this platform is missing.
 */
class ClaudeCodeTest {

    private static final String SECRET_WORD = "swordfish-42";
    private static NodeProject.Installation node;

    private final GatewayFixture fixture = GatewayFixture.start();

    @BeforeAll
    static void install() {
        node = NodeProject.install(Path.of("src/test/node/claude-code"), Path.of("target/node/claude-code"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void completesATaskThatNeedsOneToolCall(@TempDir Path home, @TempDir Path project) throws Exception {
        assumeTrue(node.installed(), node.reason());
        Path file = project.resolve("notes.txt");
        Files.writeString(file, "The password is " + SECRET_WORD + ".\n");
        fixture.server.defaultChat(Scenarios.toolUser("Read", "{\"file_path\": \"" + file + "\"}",
                "The file says: "));
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", home.toString());
        environment.put("CLAUDE_CONFIG_DIR", home.resolve(".claude").toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        environment.put("ANTHROPIC_BASE_URL", fixture.baseUrl().toString().replaceFirst("/v1$", ""));
        environment.put("ANTHROPIC_API_KEY", GatewayFixture.KEY);
        environment.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        environment.put("DISABLE_TELEMETRY", "1");
        environment.put("DISABLE_AUTOUPDATER", "1");
        environment.put("DISABLE_ERROR_REPORTING", "1");
        environment.put("DISABLE_NON_ESSENTIAL_MODEL_CALLS", "1");

        NodeProject.Result result = node.get().run("claude.mjs",
                List.of("-p", "What is the password in notes.txt? Read the file to find out.", "--allowedTools", "Read",
                        "--add-dir", project.toString()),
                environment, Duration.ofMinutes(3));

        assertThat(result.succeeded()).as(result.describe()).isTrue();
        assertThat(result.stdout()).contains("The file says:").contains(SECRET_WORD);
        assertThat(fixture.server.requests("/api/chat")).as("the call, then the answer").hasSize(2);
        assertThat(fixture.lastChatBody().path("messages").toString()).as("the file reached t3.chat as Read's result")
                .contains("<tool_result name=\\\"Read\\\"").contains(SECRET_WORD);
        // The last log line follows the answer: Claude Code may have ended before the handler wrote it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fixture.log.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(fixture.log).hasSize(2).allMatch(line -> line.startsWith("POST /v1/messages 200 claude-"));
        assertThat(result.stdout() + result.stderr()).doesNotContain(GatewayFixture.KEY);
    }
}
