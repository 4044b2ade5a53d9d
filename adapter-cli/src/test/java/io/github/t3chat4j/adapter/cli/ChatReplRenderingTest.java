package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.render.Capabilities;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The REPL renders replies when asked to, and {@code /copy} puts them on the clipboard through OSC 52. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChatReplRenderingTest {

    private static final String REPLY = "Here:\n\n```python\nprint('hi')\nx = 1\n```\n\nAnd **done**.";

    private final FakeChatPort port = new FakeChatPort();
    private final T3Client client = T3Client.builder().cookies("wos-session=x").convexSessionId("c")
            .chatTransport(port).build();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private String run(String input, ChatRepl.Rendering rendering) throws IOException {
        try (Terminal terminal = new DumbTerminal("t3-test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, StandardCharsets.UTF_8)) {
            new ChatRepl(terminal, client, ModelId.DEFAULT, ChatSettings.defaults(), null, false,
                    ChatRepl.Extras.NONE, rendering).run();
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    private static String osc52(String text) {
        return "\u001b]52;c;" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\u0007";
    }

    @Test
    void rendersTheReply_whenRenderingIsOn() throws IOException {
        port.reply("Here:\n\n```python\npri", "nt('hi')\nx = 1\n```\n\nAnd **done**.");

        String shown = run("hello\n/quit\n", new ChatRepl.Rendering(true, Capabilities.PLAIN));

        assertThat(shown).contains("╭─ python", "│ print('hi')", "│ x = 1", "╰─", "And done.").doesNotContain("```");
    }

    @Test
    void printsTheReplyAsItCame_whenRenderingIsOff() throws IOException {
        port.reply(REPLY);

        String shown = run("hello\n/quit\n", ChatRepl.Rendering.OFF);

        assertThat(shown).contains(REPLY);
    }

    @Test
    void copiesTheLastReplyAndItsLastCodeBlock_throughOsc52() throws IOException {
        port.reply("first reply").reply(REPLY);

        String shown = run("one\ntwo\n/copy\n/copy code\n/quit\n", new ChatRepl.Rendering(false,
                new Capabilities(false, false, true)));

        assertThat(shown).contains(osc52(REPLY) + "copied the last reply (8 lines)",
                osc52("print('hi')\nx = 1") + "copied the last code block (2 lines)");
        assertThat(shown).doesNotContain(osc52("first reply"));
    }

    @Test
    void saysSo_whenTheTerminalCannotTakeTheClipboard() throws IOException {
        port.reply(REPLY);

        String shown = run("one\n/copy\n/quit\n", ChatRepl.Rendering.OFF);

        assertThat(shown).contains("cannot copy", "T3_CLIPBOARD=true").doesNotContain("\u001b]52");
    }

    @Test
    void saysWhatIsMissing_beforeAnyReplyOrWithoutACodeBlock() throws IOException {
        port.reply("no code here");

        String shown = run("/copy\none\n/copy code\n/copy everything\n/quit\n",
                new ChatRepl.Rendering(false, new Capabilities(false, false, true)));

        assertThat(shown).contains("nothing to copy yet", "the last reply has no code block.", "usage: /copy")
                .doesNotContain("\u001b]52");
    }
}
