package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The deadline and size flags reach the requests, and their advice names them (#11 row 3). */
class DeadlineFlagsTest {

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
        t3 = mode().runner(home, InProcessT3.signedInEnv(server, "deadlines"));
    }

    @AfterEach
    void stop() {
        try {
            t3.close();
        } finally {
            server.close();
        }
    }

    @Test
    void endsAReplyThatStalls_afterTheIdleTimeoutOfTheCommandLine_keepingWhatArrived() {
        server.defaultChat(Scenarios.slow(3_000));

        int code = t3.run("--idle-timeout", "300ms", "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.NETWORK);
        assertThat(t3.out()).startsWith("slow ");
        assertThat(t3.err()).contains("no reply data for 300 ms").contains("--idle-timeout");
    }

    @Test
    void takesTheTotalTimeoutFromTheEnvironment() {
        server.defaultChat(Scenarios.slow(400));

        int code = t3.run(Map.of("T3_TIMEOUT", "500ms"), "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.NETWORK);
        assertThat(t3.err()).contains("longer than 500 ms in all").contains("--timeout");
    }

    @Test
    void refusesAReplySizeItCouldNotHoldOrReadBack_namingTheCeiling() {
        int code = t3.run("--max-reply-size", "2GiB", "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("at most 1GiB").contains("--max-reply-size");
        assertThat(server.requests("/api/chat")).isEmpty();
    }

    @Test
    void refusesADurationItCannotRead_namingTheSetting() {
        int code = t3.run("--timeout", "soon", "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("T3_TIMEOUT must be a duration").contains("30s");
        assertThat(server.requests("/api/chat")).isEmpty();
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void endsAnAnswerHeadDribbledAByteASecond_atTheFirstByteTimeout_onBothTransports() throws Exception {
        try (DribblingT3 dribbling = new DribblingT3()) {
            InProcessT3 signedIn = InProcessT3.signedIn(home, dribbling.baseUrl(), "deadlines");
            for (String transport : List.of("java", "curl")) {
                int code = signedIn.run("--transport", transport, "--first-byte-timeout", "2s", "--timeout", "5m",
                        "ask", "hi");

                assertThat(code).as(transport + ": " + signedIn.err()).isEqualTo(ExitCode.NETWORK);
                assertThat(signedIn.err()).as(transport).contains("--first-byte-timeout");
            }
        }
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void endsAnAnswerHeadDribbledAByteASecond_atTheTotalTimeout_onBothTransports() throws Exception {
        try (DribblingT3 dribbling = new DribblingT3()) {
            InProcessT3 signedIn = InProcessT3.signedIn(home, dribbling.baseUrl(), "deadlines");
            for (String transport : List.of("java", "curl")) {
                int code = signedIn.run("--transport", transport, "--first-byte-timeout", "5m", "--timeout", "2s",
                        "ask", "hi");

                assertThat(code).as(transport + ": " + signedIn.err()).isEqualTo(ExitCode.NETWORK);
                assertThat(signedIn.err()).as(transport).contains("--timeout").contains("in all");
            }
        }
    }
}
