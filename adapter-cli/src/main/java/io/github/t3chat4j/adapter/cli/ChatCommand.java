package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code t3 chat}: an interactive conversation in the terminal (also what {@code t3} alone starts). */
@Command(name = "chat",
        mixinStandardHelpOptions = true,
        description = {"Chat interactively: history, multi-line input, Ctrl-C stops a reply, /help lists commands."},
        footer = {"", "Examples:", "  t3 chat", "  t3 chat --model claude-4-sonnet --system \"Answer tersely\"",
            "  t3 --demo chat",
            "", "Multi-line: paste freely, end a line with \\ to continue, or wrap text in \"\"\" lines."})
final class ChatCommand implements Callable<Integer> {

    @ParentCommand
    T3Command root;

    @Option(names = {"-m", "--model"}, paramLabel = "ID",
            description = "Model id (T3_MODEL, default gemini-2.5-flash-lite).")
    String model;

    @Option(names = {"-s", "--system"}, paramLabel = "TEXT", description = "A system prompt (T3_SYSTEM_PROMPT).")
    String system;

    @Option(names = "--reasoning", paramLabel = "LEVEL", description = "Reasoning effort: low, medium or high.")
    String reasoning;

    @Option(names = "--search", description = "Let the model search the web.")
    boolean search;

    private final CliContext context;

    ChatCommand(CliContext context) {
        this.context = context;
    }

    /** /credits and /conversations through the client factory's account access and storage. */
    private final class Extras implements ChatRepl.Extras {
        private final ConnectionSettings connection;

        Extras(ConnectionSettings connection) {
            this.connection = connection;
        }

        @Override
        public String credits(T3Client client) {
            try (AccountAccess account = context.clients().account(connection)) {
                return CreditsCommand.describe(account.client().credits(client.renewedSession())).strip();
            }
        }

        @Override
        public String conversations() {
            return ConversationsCommand.describe(context.clients().conversations(root.demo).list().listConversations())
                    .strip();
        }
    }

    @Override
    public Integer call() {
        Map<String, String> flags = new HashMap<>();
        flags.put(Settings.MODEL, model);
        flags.put(Settings.SYSTEM_PROMPT, system);
        Settings resolved = root.settings(flags);
        ModelId modelId = resolved.model();
        ChatSettings settings = resolved.chatSettings().withSearch(search);
        if (reasoning != null) {
            settings = settings.withReasoningEffort(ReasoningEffort.parse(reasoning));
        }
        ConnectionSettings connection = root.connection(resolved, modelId, settings);
        try (T3Client client = context.clients().open(connection);
                RenewedCookieKeeper keeper = root.keepRenewedCookies(resolved, client::session);
                Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            boolean fancy = context.colour() && !Terminal.TYPE_DUMB.equals(terminal.getType());
            return new ChatRepl(terminal, client, modelId, settings, new ConfigResolver(context).historyFile(), fancy,
                    new Extras(connection)).run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the terminal", e);
        }
    }
}
