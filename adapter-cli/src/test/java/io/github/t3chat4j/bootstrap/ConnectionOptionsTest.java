package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection options (address, transport, programs, proxy, deadlines, reply size) belong to the
 * commands that connect: given before the command's name ({@code t3 --base-url URL ask hi}, as the README
 * shows) or after it, they reach the request, the latter winning; a command that never connects neither
 * shows nor accepts them, wherever they are given. Through {@link Main}.
 */
class ConnectionOptionsTest {

    private final FakeT3Server server = FakeT3Server.start();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> credentials() {
        return Map.of("COOKIES", "wos-session=placement; convex-session-id=cvx");
    }

    @Test
    void aConnectionOptionBeforeTheCommandsName_reachesTheCommand() {
        InProcessT3 t3 = new InProcessT3(home);

        int code = t3.run(credentials(), "--base-url", server.baseUrl().toString(), "ask", "hello");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).startsWith("Echo(1): hello");
        assertThat(server.requests("/api/chat")).hasSize(1);
    }

    @Test
    void aConnectionOptionAfterTheCommandsName_reachesItToo() {
        InProcessT3 t3 = new InProcessT3(home);

        int code = t3.run(credentials(), "credits", "--base-url", server.baseUrl().toString());

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).contains("Balance:");
    }

    @Test
    void givenOnBothSides_theOneAfterTheCommandsNameWins() {
        InProcessT3 t3 = new InProcessT3(home);
        String base = server.baseUrl().toString();

        int afterIsGood = t3.run(credentials(), "--timeout", "soon", "ask", "--base-url", base, "--timeout", "1m",
                "hi");
        int afterIsBad = t3.run(credentials(), "--timeout", "1m", "ask", "--base-url", base, "--timeout", "soon",
                "hi");

        assertThat(afterIsGood).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(afterIsBad).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("T3_TIMEOUT must be a duration").contains("'soon'");
        assertThat(server.requests("/api/chat")).hasSize(1);
    }

    @Test
    void aCommandThatNeverConnects_refusesTheConnectionOptions_beforeOrAfterItsName() {
        InProcessT3 t3 = new InProcessT3(home);
        List<List<String>> local = List.of(List.of("conversations"), List.of("conversations", "list"),
                List.of("conversations", "search"), List.of("config"), List.of("logout"));
        Map<List<String>, List<String>> operands = Map.of(List.of("conversations", "search"), List.of("kestrel"));

        for (List<String> command : local) {
            List<String> run = concat(command, operands.getOrDefault(command, List.of()));
            String[] before = concat(List.of("--proxy", "http://127.0.0.1:9"), run).toArray(String[]::new);
            int refusedBefore = t3.runPiped("", before);
            String errBefore = t3.err();
            String[] after = concat(run, List.of("--transport", "curl")).toArray(String[]::new);
            int refusedAfter = t3.runPiped("", after);
            String errAfter = t3.err();

            assertThat(refusedBefore).as(String.join(" ", before)).isEqualTo(ExitCode.USAGE);
            assertThat(errBefore).contains("--proxy sets how t3 connects to t3.chat, and 't3 "
                    + String.join(" ", command) + "' never connects.");
            assertThat(refusedAfter).as(String.join(" ", after)).isEqualTo(ExitCode.USAGE);
            assertThat(errAfter).contains("Unknown option").contains("--transport");
        }
    }

    @Test
    void helpIsStillShown_whenAConnectionOptionPrecedesALocalCommand() {
        InProcessT3 t3 = new InProcessT3(home);

        int code = t3.runPiped("", "--proxy", "http://127.0.0.1:9", "conversations", "--help");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).startsWith("Usage: t3 conversations");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
