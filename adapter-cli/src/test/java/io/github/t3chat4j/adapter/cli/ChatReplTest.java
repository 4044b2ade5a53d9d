package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageStatus;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChatReplTest {

    @TempDir
    Path temp;

    private final FakeChatPort port = new FakeChatPort();
    private final T3Client client = T3Client.builder().cookies("wos-session=x").convexSessionId("c")
            .chatTransport(port).build();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private ChatRepl repl;
    private Terminal terminal;

    private int run(String input) throws IOException {
        start(input);
        try {
            return repl.run();
        } finally {
            terminal.close();
        }
    }

    private ChatRepl.Extras extras = ChatRepl.Extras.NONE;

    private void start(String input) throws IOException {
        terminal = new DumbTerminal("t3-test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, StandardCharsets.UTF_8);
        repl = new ChatRepl(terminal, client, ModelId.DEFAULT, ChatSettings.defaults(),
                io.github.t3chat4j.adapter.storage.StorageAdapters.create(
                        new io.github.t3chat4j.adapter.storage.StorageConfig(temp)).privateInputHistoryFile(),
                false, extras);
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void twoTurnsSendTheWholeHistory() throws IOException {
        port.reply("Hi ", "there").reply("Fine");

        int code = run("hello\nhow are you?\n/quit\n");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(port.requests).hasSize(2);
        assertThat(port.requests.get(1).messages()).extracting(Message::text)
                .containsExactly("hello", "Hi there", "how are you?");
        assertThat(port.requests.get(1).threadId()).isEqualTo(port.requests.get(0).threadId());
        assertThat(output()).contains("Hi there", "Fine").doesNotContain("\u001b");
        Path history = temp.resolve("state/history");
        assertThat(Files.readString(history)).contains("how are you?");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(history)))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                history.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void newStartsAFreshThreadWithAnEmptyHistory() throws IOException {
        run("hello\n/new\nagain\n");

        assertThat(port.requests).hasSize(2);
        assertThat(port.requests.get(1).threadId()).isNotEqualTo(port.requests.get(0).threadId());
        assertThat(port.requests.get(1).messages()).extracting(Message::text).containsExactly("again");
        assertThat(output()).contains("New conversation.");
    }

    @Test
    void modelShowsAndSetsTheModelOfTheNextRequest() throws IOException {
        run("/model\n/model claude-4-sonnet\nhello\n/system be brief\n/reasoning high\n/search on\nagain\n");

        assertThat(output()).contains("model: " + ModelId.DEFAULT.value(), "model: claude-4-sonnet");
        assertThat(port.requests.get(0).model().value()).isEqualTo("claude-4-sonnet");
        ChatSettings last = port.requests.get(1).settings();
        assertThat(last.systemPrompt()).isEqualTo("be brief");
        assertThat(last.reasoningEffort().wireValue()).isEqualTo("high");
        assertThat(last.search()).isTrue();
    }

    @Test
    void ctrlCWhileStreamingCancelsTheReplyKeepsThePartialTextAndContinues() throws Exception {
        port.replyThenBlock("partial ", "answer").reply("second reply");
        start("hello\nnext\n/quit\n");

        CompletableFuture<Integer> session = CompletableFuture.supplyAsync(repl::run);
        assertThat(port.blocked.await(5, TimeUnit.SECONDS)).as("the reply started streaming").isTrue();
        terminal.raise(Terminal.Signal.INT);
        int code = session.get(10, TimeUnit.SECONDS);
        terminal.close();

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(port.requests).hasSize(2);
        Message cancelled = port.requests.get(1).messages().get(1);
        assertThat(cancelled.role()).isEqualTo(Role.ASSISTANT);
        assertThat(cancelled.status()).isEqualTo(MessageStatus.INCOMPLETE);
        assertThat(cancelled.text()).isEqualTo("partial answer");
        assertThat(output()).contains("partial answer", "[cancelled]", "second reply");
        assertThat(output().indexOf("[cancelled]")).isLessThan(output().indexOf("second reply"));
    }

    @Test
    void cancelReplyStopsTheStreamingReply() throws Exception {
        port.replyThenBlock("half");
        start("hello\n");

        CompletableFuture<Integer> session = CompletableFuture.supplyAsync(repl::run);
        assertThat(port.blocked.await(5, TimeUnit.SECONDS)).isTrue();
        repl.cancelReply();
        assertThat(session.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCode.OK);
        terminal.close();

        Message last = repl.chat().messages().get(repl.chat().messages().size() - 1);
        assertThat(last.status()).isEqualTo(MessageStatus.INCOMPLETE);
        assertThat(last.text()).isEqualTo("half");
    }

    @Test
    void backslashAndTripleQuotesMakeOneMultiLineMessage() throws IOException {
        run("first line\\\nsecond line\n\"\"\"\nblock one\n\nblock two\n\"\"\"\n");

        assertThat(port.requests.get(0).messages().get(0).text()).isEqualTo("first line\nsecond line");
        assertThat(port.requests.get(1).messages().get(2).text()).isEqualTo("block one\n\nblock two");
    }

    @Test
    void anErrorPrintsOneLineAndTheSessionGoesOn() throws IOException {
        port.fail(new IllegalStateException("boom\nsecond line of detail")).reply("recovered");

        run("hello\nagain\n");

        assertThat(output()).contains("error: boom", "recovered").doesNotContain("second line of detail",
                "IllegalStateException");
    }

    @Test
    void resumeWithoutAStoreSaysSoAndUnavailableCommandsSaySo() throws IOException {
        run("/resume abc123\n/credits\n/conversations\n/bogus\n/help\n");

        assertThat(output()).contains("cannot resume", "conversation storage", "/credits needs account access",
                "/conversations needs conversation storage", "unknown command /bogus", "/reasoning low|medium|high");
        assertThat(port.requests).isEmpty();
    }

    @Test
    void imageSendsWithTheImageModelAndReportsTheUrl() throws IOException {
        port.events(List.of(new ChatEvent.ImageGenerated("https://img.example/cat.png"),
                new ChatEvent.Finished("stop")));

        run("/image a cat\n");

        assertThat(port.requests.get(0).model()).isEqualTo(ModelId.DEFAULT_IMAGE);
        assertThat(output()).contains("image: https://img.example/cat.png", "not saved:");
    }

    @Test
    void ctrlCAtAnEmptyPromptEndsTheSession() throws IOException {
        start("hello\n\u0003never sent\n");
        // As on a real terminal: the Ctrl-C byte raises SIGINT (only here: it changes the dumb terminal's EOF).
        Attributes attributes = terminal.getAttributes();
        attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        attributes.setControlChar(Attributes.ControlChar.VINTR, 3);
        terminal.setAttributes(attributes);
        int code = repl.run();
        terminal.close();

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(port.requests).hasSize(1);
    }

    @Test
    void showsCreditsAndConversations_fromTheExtras() throws IOException {
        extras = new ChatRepl.Extras() {
            @Override
            public String credits(T3Client c) {
                return "Balance: 42 credits";
            }

            @Override
            public String conversations() {
                return "abc  2026-01-01 00:00  gpt-4o  2 msgs  Earlier chat";
            }

            @Override
            public String search(String query, boolean colour) {
                return "found for [" + query + "]";
            }
        };

        run("/credits\n/conversations\n/search maven -gradle\n/search\n/search on\n/quit\n");

        assertThat(output()).contains("Balance: 42 credits", "Earlier chat", "found for [maven -gradle]",
                "usage: /search on|off", "web search: on");
        assertThat(port.requests).isEmpty();
    }
}
