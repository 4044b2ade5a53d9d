package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that does not give a run the process to itself (the warm process) gets back, before anything is
 * printed or read, every command that needs it: the chat, a login that prompts, the gateway and
 * {@code t3 daemon}. Everything else runs as usual there.
 */
class OwnProcessTest {

    @TempDir
    Path temp;

    private CliHarness cli;

    @BeforeEach
    void shared() {
        cli = new CliHarness(temp).withCredentials();
        cli.host = new RunHost() {
            @Override
            public Registration onInterrupt(Runnable action) {
                return () -> { };
            }

            @Override
            public boolean ownsProcess() {
                return false;
            }
        };
    }

    @Test
    void handsBackTheChat_aPromptingLogin_theGateway_andTheDaemonCommand_havingPrintedNothing() {
        cli.stdinIsTerminal = true;
        cli.stdoutIsTerminal = true;
        for (String[] args : new String[][] {{"chat"}, {"--demo"}, {}, {"login"}, {"serve"}, {"daemon", "status"},
                {"--base-url", "http://127.0.0.1:9", "chat", "--model", "gpt-4o"}}) {
            assertThatThrownBy(() -> cli.run(args)).as(String.join(" ", args))
                    .isInstanceOf(Cli.NeedsOwnProcessException.class);
            assertThat(cli.out() + cli.err()).isEmpty();
        }
    }

    @Test
    void servesEverythingElse_helpIncluded() {
        cli.stdinIsTerminal = false;

        assertThat(cli.run("ask", "hi")).isZero();
        assertThat(cli.out()).isNotEmpty();
        assertThat(cli.run("chat", "--help")).isZero();
        assertThat(cli.out()).contains("Usage: t3 chat");
        assertThat(cli.run()).as("t3 alone, not on a terminal, prints the usage").isZero();
        assertThat(cli.run("login", "--no-check")).as("a login read from a pipe").isEqualTo(ExitCode.USAGE);
    }
}
