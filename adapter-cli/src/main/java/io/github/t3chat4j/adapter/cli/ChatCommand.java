package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.IndexProgressListener;
import io.github.t3chat4j.application.SearchConversationsQuery;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.search.SearchPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code t3 chat}: an interactive conversation in the terminal (also what {@code t3} alone starts). */
@Command(name = "chat",
        mixinStandardHelpOptions = true,
        description = {"Chat interactively: history, multi-line input, Ctrl-C stops a reply.",
            "Type /help in the chat for its commands."},
        footer = {"", "Examples:", "  t3 chat", "  t3 chat --model claude-4-sonnet --system \"Answer tersely\"",
            "  t3 --demo chat          then type: show me markdown, and /copy code",
            "  t3 chat --no-render     replies as the model wrote them (Markdown source)",
            "", "Multi-line: paste freely, end a line with \\ to continue, or wrap text in",
            "\"\"\" lines."})
final class ChatCommand implements Callable<Integer> {

    @ParentCommand
    T3Command root;

    /** Read by {@link T3Command#settings} with those given before this command's name. */
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    ChatFlags options = new ChatFlags();

    @Mixin
    ReplyRendering rendering = new ReplyRendering();

    private final CliContext context;

    ChatCommand(CliContext context) {
        this.context = context;
    }

    /** /credits, /conversations and /search through the client's account view and the local use cases. */
    private final class Extras implements ChatRepl.Extras {

        @Override
        public String credits(T3Client client) {
            return CreditsCommand.describe(client.account().credits()).strip();
        }

        @Override
        public String conversations() {
            return ConversationsCommand.describe(root.services().local().listConversations())
                    .strip();
        }

        @Override
        public String search(String query, boolean colour) {
            SearchOutput.Line line = SearchOutput.progress(context.err());
            SearchPage page;
            try {
                page = root.services().local().searchConversations(
                        SearchConversationsQuery.of(query).withPageSize(10)
                                .withProgress(colour ? line : IndexProgressListener.NONE));
            } finally {
                line.finish();
            }
            StringBuilder text = new StringBuilder(SearchOutput.hits(page, colour));
            page.notices().forEach(n -> text.append(TerminalSafe.text(n)).append(System.lineSeparator()));
            page.problems().forEach(p -> text.append("skipped ").append(TerminalSafe.text(p.source())).append(": ")
                    .append(TerminalSafe.text(p.reason())).append(System.lineSeparator()));
            text.append(SearchOutput.summary(page, "t3 conversations search --page"));
            if (!page.hits().isEmpty()) {
                text.append(" /resume ID continues one.");
            }
            return text.toString();
        }
    }

    /** The history file, or none (with a note) when it cannot be made private. */
    private java.nio.file.Path historyFile() {
        try {
            return root.services().privateHistoryFile();
        } catch (T3ChatException e) {
            context.err().println("t3: the input history is off: " + e.getMessage());
            context.err().flush();
            return null;
        }
    }

    @Override
    public Integer call() {
        Map<String, String> flags = new HashMap<>(options.flags());
        flags.putAll(rendering.flags());
        Settings resolved = root.settings(flags);
        ModelId modelId = options.model(resolved);
        ChatSettings settings = options.settings(resolved);
        try (T3Client client = root.services().connect(root.boundary(resolved).connection(modelId, settings));
                // A dumb terminal is expected when input is piped: asked for, JLine does not warn about it.
                Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType());
            boolean fancy = context.colour() && !dumb;
            ChatRepl.Rendering replies = new ChatRepl.Rendering(ReplyRendering.rendered(context, resolved) && !dumb,
                    ReplyRendering.capabilities(context));
            return new ChatRepl(terminal, client, modelId, settings, historyFile(), fancy,
                    new Extras(), replies).run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the terminal", e);
        }
    }
}
