package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.CliContext;
import io.github.t3chat4j.adapter.cli.ExitCode;
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

/** The deadline and size flags reach the requests, and their advice names them (#11 row 3). */
class DeadlineFlagsTest {

    private final FakeT3Server server = FakeT3Server.start();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    private int t3(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("HOME", home.toString());
        env.put("COOKIES", "wos-session=deadlines; convex-session-id=cvx");
        env.put("T3_BASE_URL", server.baseUrl().toString());
        PrintWriter errWriter = new PrintWriter(err, true);
        return Main.run(new CliContext(new PrintWriter(out, true), errWriter, new ByteArrayInputStream(new byte[0]),
                env, true, false, false, new Backends(env, errWriter), home), args);
    }

    @Test
    void endsAReplyThatStalls_afterTheIdleTimeoutOfTheCommandLine_keepingWhatArrived() {
        server.defaultChat(Scenarios.slow(3_000));

        int code = t3(Map.of(), "--idle-timeout", "300ms", "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.NETWORK);
        assertThat(out.toString()).startsWith("slow ");
        assertThat(err.toString()).contains("no reply data for 300 ms").contains("--idle-timeout");
    }

    @Test
    void takesTheTotalTimeoutFromTheEnvironment() {
        server.defaultChat(Scenarios.slow(400));

        int code = t3(Map.of("T3_TIMEOUT", "500ms"), "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.NETWORK);
        assertThat(err.toString()).contains("longer than 500 ms in all").contains("--timeout");
    }

    @Test
    void refusesADurationItCannotRead_namingTheSetting() {
        int code = t3(Map.of(), "--timeout", "soon", "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("T3_TIMEOUT must be a duration").contains("30s");
        assertThat(server.requests("/api/chat")).isEmpty();
    }
}
