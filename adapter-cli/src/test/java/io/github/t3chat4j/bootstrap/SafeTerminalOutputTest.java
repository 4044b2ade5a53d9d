package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.nio.file.Path;
import java.util.List;
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

    /** A title and a text a hostile export brought in: clipboard write, window title, screen clear. */
    private static final String CLIPBOARD = "\u001b]52;c;cm0gLXJmIH4=\u0007";
    private static final String CLEAR = "\u001b[2J";

    @Test
    void showsTheEscapesOfAnImportedConversation_inEveryCommand_andInAnExportToATerminal() throws Exception {
        String title = CLIPBOARD + RETITLE + CLEAR + "Hostile";
        Path export = home.resolve("sidebar.json");
        java.nio.file.Files.writeString(export, "{\"state\":{\"threads\":[{\"threadId\":\"hostile-1\","
                + "\"title\":\"" + json(title) + "\",\"model\":\"gpt-4o\",\"createdAt\":1700000000000,"
                + "\"updatedAt\":1700000000000,\"lastMessageAt\":1700000000000}],\"messages\":{\"hostile-1\":["
                + "{\"messageId\":\"m1\",\"role\":\"user\",\"parts\":[{\"text\":\"" + json(CLEAR + "hi\r\n\tthere")
                + "\"}],\"createdAt\":1700000000000}]}}}");
        assertThat(t3.run("conversations", "import", export.toString())).as(t3.err()).isEqualTo(ExitCode.OK);

        assertThat(t3.runOnTerminal("conversations", "export", "hostile-1", "--format", "md")).isEqualTo(ExitCode.OK);
        String onTerminal = t3.out();
        assertThat(t3.runOnTerminal("conversations", "list")).isEqualTo(ExitCode.OK);
        String listed = t3.out();
        assertThat(t3.runOnTerminal("conversations", "show", "hostile-1")).isEqualTo(ExitCode.OK);
        String shown = t3.out();
        assertThat(t3.run("conversations", "export", "hostile-1", "--format", "json")).isEqualTo(ExitCode.OK);
        String json = t3.out();
        assertThat(t3.run("conversations", "export", "hostile-1", "--format", "md")).isEqualTo(ExitCode.OK);
        String toAFile = t3.out();

        for (String output : List.of(onTerminal, listed, shown, json)) {
            assertThat(output).contains("Hostile").doesNotContain("\u001b").doesNotContain("\u0007")
                    .doesNotContain("\u009b");
        }
        assertThat(onTerminal).contains("\u241b]52;c;").contains("\u241b[2J").contains("hi\n\tthere");
        assertThat(toAFile).as("an export to a file or a pipe is the data as stored").contains(CLIPBOARD);
    }

    @Test
    void showsTheEscapesOfTheServersAccountTexts() {
        io.github.t3chat4j.testkit.trpc.FakeTrpc.install(server).answerRaw("getCustomerData", 200,
                "application/json", "[{\"result\":{\"data\":{\"json\":{\"subTier\":\"" + json(RETITLE + CLEAR + "pro")
                        + "\",\"balance\":10,\"isBalanceReliable\":true}}}}]");

        int code = t3.runOnTerminal("credits");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).contains("\u241b]0;pwned\u2407\u241b[2Jpro").doesNotContain("\u001b");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c == '"' || c == '\\' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
