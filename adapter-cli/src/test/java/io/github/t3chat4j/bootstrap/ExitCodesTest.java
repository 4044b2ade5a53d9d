package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.CliContext;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.ChatScenario;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes no other test reaches through the real composition root: 1 (a bug), 4 (bot filter),
 * 5 (rate limit, service down), 6 (an error inside the reply) and 7 (a reply cut off). The others are
 * reached in MainTest (0, 2, 3, 7 refused), LoginTest (3), HostileStorageTest (8), SafeTerminalOutputTest
 * (6) and, as processes, T3JarIT (130) and ConcurrentContinueIT.
 */
class ExitCodesTest {

    private final FakeT3Server server = FakeT3Server.start();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("COOKIES", "wos-session=exit-codes; convex-session-id=cvx");
        env.put("T3_BASE_URL", server.baseUrl().toString());
        return env;
    }

    private int ask(ChatScenario scenario) {
        server.defaultChat(scenario);
        Map<String, String> env = env();
        PrintWriter errWriter = new PrintWriter(err, true);
        return Main.run(new CliContext(new PrintWriter(out, true), errWriter, new ByteArrayInputStream(new byte[0]),
                env, true, false, false, new Backends(env, errWriter), home), "ask", "hi");
    }

    @Test
    void exits4_whenTheBotFilterAnswers() {
        assertThat(ask(Scenarios.botChallenge())).isEqualTo(ExitCode.BLOCKED);
        assertThat(err.toString()).contains("t3: ").doesNotContain("Exception");
    }

    @Test
    void exits5_whenRateLimitedAfterTheRetries() {
        assertThat(ask(Scenarios.rateLimited(0))).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(server.requests("/api/chat")).hasSize(3);
    }

    @Test
    void exits5_whenTheServiceIsDown() {
        assertThat(ask(Scenarios.serviceUnavailable())).isEqualTo(ExitCode.UNAVAILABLE);
    }

    @Test
    void exits6_whenTheServerReportsAnErrorInsideTheReply_keepingThePartialText() {
        assertThat(ask(Scenarios.errorAfterText())).isEqualTo(ExitCode.PROTOCOL);
        assertThat(out.toString()).contains(Scenarios.PARTIAL_TEXT);
        assertThat(err.toString()).contains(Scenarios.ERROR_TEXT);
    }

    @Test
    void exits7_whenTheReplyIsCutOff_keepingThePartialText() {
        assertThat(ask(Scenarios.truncated())).isEqualTo(ExitCode.NETWORK);
        assertThat(out.toString()).contains(Scenarios.PARTIAL_TEXT);
        assertThat(err.toString()).contains("cut off");
    }

    @Test
    void exits1_onABug_sayingToRerunWithVerbose_withoutAStackTrace() {
        Map<String, String> env = env();
        PrintWriter errWriter = new PrintWriter(err, true);
        int code = Main.run(new CliContext(new PrintWriter(out, true), errWriter, new ByteArrayInputStream(new byte[0]),
                env, true, false, false, profile -> {
                    throw new IllegalStateException("a bug in a backend");
                }, home), "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.INTERNAL);
        assertThat(err.toString()).contains("unexpected error (IllegalStateException)").contains("--verbose")
                .doesNotContain("\tat ");
    }
}
