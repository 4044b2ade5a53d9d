package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.CliContext;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text from the server never drives the terminal (#11 row 8), unless --raw asks for the bytes as they came. */
class SafeTerminalOutputTest {

    private static final String RETITLE = "\u001b]0;pwned\u0007";
    private static final String RED = "\u001b[31m";

    private final FakeT3Server server = FakeT3Server.start();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    private int t3(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("COOKIES", "wos-session=safe-output; convex-session-id=cvx");
        env.put("T3_BASE_URL", server.baseUrl().toString());
        PrintWriter errWriter = new PrintWriter(err, true);
        return Main.run(new CliContext(new PrintWriter(out, true), errWriter, new ByteArrayInputStream(new byte[0]),
                env, true, false, false, new Backends(env, errWriter), home), args);
    }

    @Test
    void showsTheEscapesOfAnErrorMessage_insteadOfObeyingThem() {
        server.enqueueChat(exchange -> exchange.json(400, "{\"error\":\"" + RETITLE.replace("\u001b", "\\u001b")
                .replace("\u0007", "\\u0007") + RED.replace("\u001b", "\\u001b") + "bad request\"}"));

        int code = t3("ask", "hi");

        assertThat(code).isEqualTo(ExitCode.PROTOCOL);
        assertThat(err.toString()).contains("\u241b]0;pwned\u2407").contains("bad request").doesNotContain("\u001b")
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

        assertThat(t3("ask", "hi")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("plain \u241b[31mred").doesNotContain("\u001b");

        out.getBuffer().setLength(0);
        assertThat(t3("ask", "--raw", "hi")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith(text);
    }
}
