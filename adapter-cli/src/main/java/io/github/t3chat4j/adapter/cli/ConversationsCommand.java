package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.ExistingThreadPolicy;
import io.github.t3chat4j.application.ImportHistoryResult;
import io.github.t3chat4j.domain.thread.ConversationListing;
import io.github.t3chat4j.domain.thread.ConversationSummary;
import io.github.t3chat4j.domain.thread.ExportFormat;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code t3 conversations}: list, search, show, export, delete and import stored conversations. */
@Command(name = "conversations", aliases = "convs",
        mixinStandardHelpOptions = true,
        subcommands = SearchCommand.class,
        description = "Manage the conversations stored on this machine.",
        footer = {"", "Examples:",
            "  t3 conversations list",
            "  t3 conversations search maven shading -gradle",
            "  t3 conversations export 3f2c… --format md > chat.md",
            "  t3 conversations import ephemeral-chat-data.json"})
final class ConversationsCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @ParentCommand
    T3Command root;

    private final CliContext context;

    ConversationsCommand(CliContext context) {
        this.context = context;
    }

    private LocalClient local() {
        return root.services().local();
    }

    private Conversation load(String raw) {
        return local().loadConversation(AskCommand.conversationId(raw));
    }

    @Command(name = "list", description = "List stored conversations, newest first.")
    int list() {
        ConversationListing listing = local().listConversations();
        context.out().print(describe(listing));
        listing.problems().forEach(p -> context.err().println("t3: skipped " + TerminalSafe.text(p.source()) + ": "
                + TerminalSafe.text(p.reason())));
        context.out().flush();
        return ExitCode.OK;
    }

    /** One line a conversation: id, last update, model, size, title. */
    static String describe(ConversationListing listing) {
        StringBuilder text = new StringBuilder();
        if (listing.conversations().isEmpty()) {
            text.append("No conversations yet. Start one with: t3 ask \"hello\"").append(System.lineSeparator());
        }
        for (ConversationSummary s : listing.conversations()) {
            text.append(String.format("%s  %s  %-24s %3d msgs  %s%n", s.threadId(),
                    WHEN.format(s.updatedAt().atZone(ZoneId.systemDefault())), TerminalSafe.text(s.model().value()),
                    s.messageCount(),
                    s.title().isEmpty() ? "(untitled)" : TerminalSafe.text(s.title())));
        }
        return text.toString();
    }

    @Command(name = "show", description = "Print a stored conversation.")
    int show(@Parameters(paramLabel = "ID") String id) {
        Conversation c = load(id);
        PrintWriter out = context.out();
        out.println("# " + (c.title().isEmpty() ? "(untitled)" : TerminalSafe.text(c.title())) + "  [" + c.threadId()
                + ", " + TerminalSafe.text(c.model().value()) + "]");
        for (Message m : c.messages()) {
            out.println();
            out.println(m.role().wireValue() + (m.isComplete() ? "" : " (" + m.status().name().toLowerCase(Locale.ROOT)
                    + ")") + ":");
            if (!m.reasoning().isEmpty()) {
                out.println("  [reasoning] " + TerminalSafe.text(m.reasoning()).replace("\n", "\n  "));
            }
            out.println(TerminalSafe.text(m.text()));
            m.image().ifPresent(img -> out.println("[image] "
                    + TerminalSafe.text(img.localPath().or(img::url).orElse("(inline)"))));
        }
        out.flush();
        return ExitCode.OK;
    }

    @Command(name = "export", description = "Export a stored conversation as Markdown or JSON.")
    int export(@Parameters(paramLabel = "ID") String id,
            @Option(names = "--format", paramLabel = "md|json", defaultValue = "md",
                    description = "md (default) or json.") String format) {
        ExportFormat exportFormat;
        if (format.equalsIgnoreCase("md") || format.equalsIgnoreCase("markdown")) {
            exportFormat = ExportFormat.MARKDOWN;
        } else if (format.equalsIgnoreCase("json")) {
            exportFormat = ExportFormat.JSON;
        } else {
            throw new CliException("--format must be md or json, got '" + format + "'.", ExitCode.USAGE);
        }
        String exported = local().exportConversation(AskCommand.conversationId(id), exportFormat);
        // To a file or a pipe the export is the data as stored; on a terminal its escapes are shown, not obeyed.
        context.out().print(context.stdoutIsTerminal() ? TerminalSafe.text(exported) : exported);
        context.out().flush();
        return ExitCode.OK;
    }

    @Command(name = "delete", description = "Delete a stored conversation.")
    int delete(@Parameters(paramLabel = "ID") String id) {
        local().deleteConversation(AskCommand.conversationId(id));
        context.out().println("Deleted " + id);
        context.out().flush();
        return ExitCode.OK;
    }

    @Command(name = "import", description = "Import conversations exported from the browser's session storage.")
    int importHistory(@Parameters(paramLabel = "FILE") Path file,
            @Option(names = "--merge", description = "Add new messages to threads already stored (default: skip them).")
            boolean merge) {
        ImportHistoryResult result = local().importHistory(file, merge ? ExistingThreadPolicy.MERGE : ExistingThreadPolicy.SKIP);
        context.out().printf("Imported %d, merged %d, skipped %d conversation(s).%n", result.imported().size(),
                result.merged().size(), result.skipped().size());
        result.problems().forEach(p -> context.err().println("t3: " + TerminalSafe.text(p)));
        context.out().flush();
        return ExitCode.OK;
    }
}
