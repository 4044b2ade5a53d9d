package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AskCommandTest {

    @TempDir
    Path temp;

    @Test
    void streamsTheReplyAndEndsWithANewline() {
        CliHarness cli = new CliHarness(temp).withCredentials();
        cli.port.reply("Hel", "lo");

        int code = cli.run("ask", "hi", "there");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).isEqualTo("Hello" + System.lineSeparator());
        assertThat(cli.port.lastRequest().messages().get(0).text()).isEqualTo("hi there");
    }

    @Test
    void missingCredentialsExitWithAuthAndDirectionsWithoutAStackTrace() {
        CliHarness cli = new CliHarness(temp);

        int code = cli.run("ask", "hi");

        assertThat(code).isEqualTo(ExitCode.AUTH);
        assertThat(cli.err()).contains("no t3.chat credentials", "export COOKIES=", "t3 login");
        assertThat(cli.err()).doesNotContain("Exception", "\tat ");
        assertThat(cli.port.requests).isEmpty();
    }

    @Test
    void jsonPrintsOneObjectWithTheReply() throws Exception {
        CliHarness cli = new CliHarness(temp).withCredentials();
        cli.port.events(List.of(new ChatEvent.ReasoningDelta("hmm"), new ChatEvent.TextDelta("say \"hi\"\n\tbye\\"),
                new ChatEvent.Finished("stop")));

        int code = cli.run("ask", "--json", "-m", "gpt-4o", "hi");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(cli.out().strip().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("text").asText()).isEqualTo("say \"hi\"\n\tbye\\");
        assertThat(json.get("reasoning").asText()).isEqualTo("hmm");
        assertThat(json.get("model").asText()).isEqualTo("gpt-4o");
        assertThat(json.get("threadId").asText()).isEqualTo(cli.port.lastRequest().threadId().value());
        assertThat(json.get("finishReason").asText()).isEqualTo("stop");
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("imageUrl").isNull()).isTrue();
        assertThat(json.get("imagePath").isNull()).isTrue();
    }

    @Test
    void pipedStdinComesBeforeThePrompt() {
        CliHarness cli = new CliHarness(temp).withCredentials();
        cli.stdinIsTerminal = false;
        cli.stdin = "piped text\n";

        int code = cli.run("ask", "prompt");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(cli.port.lastRequest().messages().get(0).text()).isEqualTo("piped text\n\nprompt");
    }

    @Test
    void noEscapeCharactersWhenStdoutIsNotATerminal() {
        CliHarness cli = new CliHarness(temp).withCredentials();
        cli.port.events(List.of(new ChatEvent.ReasoningDelta("thinking"), new ChatEvent.TextDelta("answer"),
                new ChatEvent.Finished("stop")));

        cli.run("ask", "--show-reasoning", "hi");

        assertThat(cli.out()).isEqualTo("answer" + System.lineSeparator());
        assertThat(cli.err()).contains("thinking");
        assertThat(cli.out() + cli.err()).doesNotContain("\u001b");
    }

    @Test
    void dimsReasoningOnATerminal_butNotWhenStandardErrorIsRedirected() {
        CliHarness cli = new CliHarness(temp).withCredentials();
        cli.stdoutIsTerminal = true;
        cli.port.events(List.of(new ChatEvent.ReasoningDelta("thinking"), new ChatEvent.TextDelta("answer"),
                new ChatEvent.Finished("stop")));
        cli.run("ask", "--show-reasoning", "hi");
        String onTerminal = cli.err();
        cli.stderrIsTerminal = false;
        cli.port.events(List.of(new ChatEvent.ReasoningDelta("thinking"), new ChatEvent.TextDelta("answer"),
                new ChatEvent.Finished("stop")));

        cli.run("ask", "--show-reasoning", "hi");

        assertThat(onTerminal).containsPattern("\u001b\\[(0;)?2m");
        assertThat(cli.err()).contains("thinking").doesNotContain("\u001b");
    }

    @Test
    void noColourRespectedOnATerminal() {
        CliHarness cli = new CliHarness(temp).withCredentials();
        cli.stdoutIsTerminal = true;
        cli.env.put("NO_COLOR", "1");
        cli.port.events(List.of(new ChatEvent.ReasoningDelta("thinking"), new ChatEvent.TextDelta("answer"),
                new ChatEvent.Finished("stop")));

        cli.run("ask", "--show-reasoning", "hi");

        assertThat(cli.out() + cli.err()).contains("answer", "thinking").doesNotContainPattern("\u001b\\[[0-9;]*m");
    }

    @Test
    void missingPromptIsAUsageError() {
        CliHarness cli = new CliHarness(temp).withCredentials();

        assertThat(cli.run("ask")).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("nothing to ask");
    }

    @Test
    void everyCommandHasHelpWithAnExample_andNoWarning() {
        java.io.PrintStream standardError = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : List.of("ask", "chat", "login", "logout", "config", "conversations", "credits",
                    "models", "image")) {
                CliHarness cli = new CliHarness(temp);
                assertThat(cli.run(command, "--help")).as(command).isEqualTo(ExitCode.OK);
                assertThat(cli.out()).as(command).contains("Example");
                assertThat(cli.err()).as(command).isEmpty();
            }
        } finally {
            System.setErr(standardError);
        }
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
        CliHarness root = new CliHarness(temp);
        root.stdinIsTerminal = false;
        assertThat(root.run("--help")).isEqualTo(ExitCode.OK);
        assertThat(root.out()).contains("Exit codes:", "chat", "login", "config");
    }

    @Test
    void versionAndNoArgumentsOffATerminalPrintUsage() {
        CliHarness cli = new CliHarness(temp);
        assertThat(cli.run("--version")).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("t3 (t3chat4j)");

        cli.stdinIsTerminal = false;
        assertThat(cli.run()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("Usage: t3");
    }
}
