package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.cli.render.ScreenModel;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code t3 ask} renders Markdown on a terminal, and only there, as asked. */
class AskRenderingTest {

    private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");
    private static final String[] REPLY = {"# Ti", "tle\n\nSome **bo", "ld** text.\n\n```java\nint x", " = 1;\n```\n"};
    private static final String SOURCE = String.join("", REPLY);

    @TempDir
    Path temp;

    private CliHarness cli;

    @BeforeEach
    void terminal() {
        cli = new CliHarness(temp).withCredentials();
        cli.stdoutIsTerminal = true;
        cli.env.put("TERM", "xterm-256color");
        cli.env.put("COLUMNS", "60");
        cli.env.put("LINES", "30");
    }

    @Test
    void rendersTheReply_whenStandardOutputIsATerminal() {
        cli.port.reply(REPLY);
        int code = cli.run("ask", "hi");

        assertThat(code).isEqualTo(ExitCode.OK);
        ScreenModel screen = new ScreenModel(60, 30).apply(cli.out());
        assertThat(screen.text()).containsExactly("# Title", "", "Some bold text.", "", "╭─ java", "│ int x = 1;", "╰─");
        assertThat(screen.styled()).contains("{90}# {1;4;35}Title", "Some {1}bold{} text.");
        assertThat(screen.styled().get(5)).contains("{35}int");
    }

    @Test
    void printsTheSourceUntouched_whenStandardOutputIsAPipe() {
        cli.port.reply(REPLY);
        cli.stdoutIsTerminal = false;

        cli.run("ask", "hi");

        assertThat(cli.out()).isEqualTo(SOURCE);
    }

    @Test
    void printsTheSource_withNoRender() {
        cli.port.reply(REPLY);
        cli.run("ask", "--no-render", "hi");

        assertThat(cli.out()).isEqualTo(SOURCE);
    }

    @Test
    void printsTheSource_whenTheRenderSettingIsFalse() {
        cli.port.reply(REPLY);
        cli.env.put("T3_RENDER", "false");

        cli.run("ask", "hi");

        assertThat(cli.out()).isEqualTo(SOURCE);
    }

    @Test
    void keepsTheLayoutWithoutColour_underNoColor() {
        cli.port.reply(REPLY);
        cli.env.put("NO_COLOR", "1");

        cli.run("ask", "hi");

        assertThat(SGR.matcher(cli.out()).find()).as(cli.out()).isFalse();
        assertThat(new ScreenModel(60, 30).apply(cli.out()).text())
                .containsExactly("# Title", "", "Some bold text.", "", "╭─ java", "│ int x = 1;", "╰─");
    }

    @Test
    void printsOneJsonObject_evenOnATerminal() throws Exception {
        cli.port.reply(REPLY);
        cli.run("ask", "--json", "hi");

        assertThat(new ObjectMapper().readTree(cli.out()).get("text").asText()).isEqualTo(SOURCE);
        assertThat(cli.out()).doesNotContain("\u001b");
    }

    @Test
    void rendersTheReasoningDimmed_onTheTerminalsStandardError() {
        cli.port.events(List.of(new ChatEvent.ReasoningDelta("Think **hard**"), new ChatEvent.ReasoningDelta(".\n"),
                new ChatEvent.TextDelta("Done."), new ChatEvent.Finished("stop")));
        cli.stderrIsTerminal = true;

        cli.run("ask", "--show-reasoning", "hi");

        assertThat(new ScreenModel(60, 30).apply(cli.err()).styled()).containsExactly("{2}Think {1;2}hard{2}.");
        assertThat(cli.out()).contains("Done.");
    }

    @Test
    void printsTheReasoningAsItCame_whenStandardErrorIsAFile() {
        cli.port.events(List.of(new ChatEvent.ReasoningDelta("Think **hard**"), new ChatEvent.TextDelta("Done."),
                new ChatEvent.Finished("stop")));
        cli.stderrIsTerminal = false;

        cli.run("ask", "--show-reasoning", "hi");

        assertThat(cli.err()).isEqualTo("Think **hard**\n");
    }
}
