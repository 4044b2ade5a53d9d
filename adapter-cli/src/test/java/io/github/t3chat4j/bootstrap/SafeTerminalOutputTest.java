package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text from the server never drives the terminal (#11 row 8), unless --raw asks for the bytes as they came. */
class SafeTerminalOutputTest {

    private static final String RETITLE = "\u001b]0;pwned\u0007";
    private static final String RED = "\u001b[31m";

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
        t3 = mode().runner(home, InProcessT3.signedInEnv(server, "safe-output"));
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
    void showsTheEscapesOfAnErrorMessage_insteadOfObeyingThem() {
        server.enqueueChat(exchange -> exchange.json(400, "{\"error\":\"" + RETITLE.replace("\u001b", "\\u001b")
                .replace("\u0007", "\\u0007") + RED.replace("\u001b", "\\u001b") + "bad request\"}"));

        int code = t3.run("ask", "hi");

        assertThat(code).isEqualTo(ExitCode.PROTOCOL);
        assertThat(t3.err()).contains("\u241b]0;pwned\u2407").contains("bad request").doesNotContain("\u001b")
                .doesNotContain("\u0007");
    }

    @Test
    void showsTheEscapesOfAReply_andKeepsThemWithRaw() {
        String text = "plain " + RED + "red";
        server.enqueueChat(exchange -> exchange.startEventStream()
                .event("{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"" + text.replace("\u001b", "\\u001b") + "\"}")
                .event("{\"type\":\"finish\"}").done());
        server.enqueueChat(exchange -> exchange.startEventStream()
                .event("{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"" + text.replace("\u001b", "\\u001b") + "\"}")
                .event("{\"type\":\"finish\"}").done());

        assertThat(t3.run("ask", "hi")).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).startsWith("plain \u241b[31mred").doesNotContain("\u001b");

        assertThat(t3.run("ask", "--raw", "hi")).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).startsWith(text);
    }
}
