package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.ExistingThreadPolicy;
import io.github.t3chat4j.application.ImportHistoryResult;
import io.github.t3chat4j.domain.thread.ConversationListing;
import io.github.t3chat4j.domain.thread.ConversationSummary;
import io.github.t3chat4j.domain.thread.ExportFormat;
import io.github.t3chat4j.domain.thread.StorageProblem;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code t3 conversations}: list (also without a command), search, show, export, delete and import stored
 * conversations.
 */
@Command(name = "conversations", aliases = "convs",
        mixinStandardHelpOptions = true,
        subcommands = SearchCommand.class,
        description = {"Manage the conversations stored on this machine; without a command, list them.",
            "Every command works offline: none of them talks to t3.chat."},
        footer = {"", "Examples:",
            "  t3 conversations              newest first (the same as t3 conversations list)",
            "  t3 conversations -n 5 --json | jq -r '.conversations[].threadId'",
            "  t3 conversations search maven shading -gradle",
            "  t3 conversations show 3f2c…",
            "  t3 conversations export 3f2c… --format md > chat.md",
            "  t3 conversations import ephemeral-chat-data.json"})
final class ConversationsCommand implements Callable<Integer> {

    /** What the ID of {@code show}, {@code export} and {@code delete} is. */
    private static final String ID = "The conversation's id (t3 conversations list shows them).";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @ParentCommand
    T3Command root;

    /** The listing's options, given without a command or before {@code list}. */
    @Mixin
    ListOptions listOptions = new ListOptions();

    private final CliContext context;

    ConversationsCommand(CliContext context) {
        this.context = context;
    }

    /** The options of the listing: a picocli mixin of {@code t3 conversations} and {@code t3 conversations list}. */
    static final class ListOptions {

        @Option(names = "--json", description = "Print one JSON object for scripts: conversations (threadId, title,"
                + " model, messages, updatedAt), newest first; total; skipped (source, reason).")
        boolean json;

        @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Only the newest N (default: all, as with 0).")
        Integer limit;

        /** These options, with {@code before}'s (given before the command's name) where these were not given. */
        ListOptions over(ListOptions before) {
            ListOptions both = new ListOptions();
            both.json = json || before.json;
            both.limit = limit != null ? limit : before.limit;
            return both;
        }
    }

    /** {@code t3 conversations} alone: the listing. */
    @Override
    public Integer call() {
        return list(listOptions);
    }

    private LocalClient local() {
        return root.services().local();
    }

    private Conversation load(String raw) {
        return local().loadConversation(AskCommand.conversationId(raw));
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List stored conversations, newest first: id, date, model, messages, title.",
            footer = {"", "Examples:", "  t3 conversations list",
                "  t3 conversations list -n 10",
                "  t3 conversations list --json | jq -r '.conversations[].title'"})
    int list(@Mixin ListOptions options) {
        ListOptions effective = options.over(listOptions);
        if (effective.limit != null && effective.limit < 0) {
            throw new CliException("--limit must be 0 (all) or more, got " + effective.limit + ".", ExitCode.USAGE);
        }
        ConversationListing listing = local().listConversations();
        List<ConversationSummary> shown = effective.limit == null || effective.limit == 0 ? listing.conversations()
                : listing.conversations().subList(0, Math.min(effective.limit, listing.conversations().size()));
        if (effective.json) {
            context.out().println(JsonOutput.write(json(listing, shown)));
        } else {
            context.out().print(describe(new ConversationListing(shown, listing.problems())));
        }
        listing.problems().forEach(p -> context.err().println("t3: skipped " + TerminalSafe.text(p.source()) + ": "
                + TerminalSafe.text(p.reason())));
        context.out().flush();
        return ExitCode.OK;
    }

    /** The {@code --json} document of a listing: the conversations shown, how many there are, what was skipped. */
    static Map<String, Object> json(ConversationListing listing, List<ConversationSummary> shown) {
        List<Map<String, Object>> conversations = new ArrayList<>();
        for (ConversationSummary s : shown) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("threadId", s.threadId().value());
            fields.put("title", s.title());
            fields.put("model", s.model().value());
            fields.put("messages", s.messageCount());
            fields.put("updatedAt", s.updatedAt().toString());
            conversations.add(fields);
        }
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (StorageProblem problem : listing.problems()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("source", problem.source());
            fields.put("reason", problem.reason());
            skipped.add(fields);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("conversations", conversations);
        document.put("total", listing.conversations().size());
        document.put("skipped", skipped);
        return document;
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

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a stored conversation: its title, then each message with its author.",
            footer = {"", "Examples:", "  t3 conversations show 3f2c9a4e-…",
                "  t3 convs show \"$(t3 convs -n 1 --json | jq -r '.conversations[0].threadId')\""})
    int show(@Parameters(paramLabel = "ID", description = ID) String id) {
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

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export a stored conversation as Markdown or JSON, to standard output.",
            footer = {"", "Examples:", "  t3 conversations export 3f2c9a4e-… > chat.md",
                "  t3 conversations export 3f2c9a4e-… --format json | jq '.messages | length'"})
    int export(@Parameters(paramLabel = "ID", description = ID) String id,
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

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a stored conversation from this machine (not from t3.chat).",
            footer = {"", "Example:", "  t3 conversations delete 3f2c9a4e-…"})
    int delete(@Parameters(paramLabel = "ID", description = ID) String id) {
        local().deleteConversation(AskCommand.conversationId(id));
        context.out().println("Deleted " + id);
        context.out().flush();
        return ExitCode.OK;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import conversations exported from the browser's session storage.",
            footer = {"", "Examples:", "  t3 conversations import ephemeral-chat-data.json",
                "  t3 conversations import --merge threads.json   adds to conversations stored"})
    int importHistory(
            @Parameters(paramLabel = "FILE", description = "The export: a JSON file of the browser's session storage.")
            Path file,
            @Option(names = "--merge", description = "Add new messages to threads already stored (default: skip them).")
            boolean merge) {
        ImportHistoryResult result = local().importHistory(context.resolve(file),
                merge ? ExistingThreadPolicy.MERGE : ExistingThreadPolicy.SKIP);
        context.out().printf("Imported %d, merged %d, skipped %d conversation(s).%n", result.imported().size(),
                result.merged().size(), result.skipped().size());
        result.problems().forEach(p -> context.err().println("t3: " + TerminalSafe.text(p)));
        context.out().flush();
        return ExitCode.OK;
    }
}
