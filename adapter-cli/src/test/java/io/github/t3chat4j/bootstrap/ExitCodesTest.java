package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.ChatScenario;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    @TempDir
    Path home;

    private T3Runner t3;

    /** How t3 is run; the {@code *LauncherIT} subclass runs this class through the packaged launcher, cold and warm. */
    T3Runner.Mode mode() {
        return T3Runner.Mode.IN_PROCESS;
    }

    @BeforeEach
    void signIn() {
        t3 = mode().runner(home, InProcessT3.signedInEnv(server, "exit-codes"));
    }

    @AfterEach
    void stop() {
        try {
            t3.close();
        } finally {
            server.close();
        }
    }

    private int ask(ChatScenario scenario) {
        server.defaultChat(scenario);
        return t3.run("ask", "hi");
    }

    @Test
    void exits4_whenTheBotFilterAnswers() {
        assertThat(ask(Scenarios.botChallenge())).isEqualTo(ExitCode.BLOCKED);
        assertThat(t3.err()).contains("t3: ").doesNotContain("Exception");
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
        assertThat(t3.out()).contains(Scenarios.PARTIAL_TEXT);
        assertThat(t3.err()).contains(Scenarios.ERROR_TEXT);
    }

    @Test
    void exits7_whenTheReplyIsCutOff_keepingThePartialText() {
        assertThat(ask(Scenarios.truncated())).isEqualTo(ExitCode.NETWORK);
        assertThat(t3.out()).contains(Scenarios.PARTIAL_TEXT);
        assertThat(t3.err()).contains("cut off");
    }

    @Test
    void exits1_onABug_sayingToRerunWithVerbose_withoutAStackTrace() {
        int code = t3.runWith((profile, env) -> {
            throw new IllegalStateException("a bug in the services");
        }, "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.INTERNAL);
        assertThat(t3.err()).contains("unexpected error (IllegalStateException)").contains("--verbose")
                .doesNotContain("\tat ");
    }
}
