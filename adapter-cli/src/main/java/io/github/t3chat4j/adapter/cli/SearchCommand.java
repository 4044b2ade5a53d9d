package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.IndexProgressListener;
import io.github.t3chat4j.application.SearchConversationsQuery;
import io.github.t3chat4j.domain.search.SearchOrder;
import io.github.t3chat4j.domain.search.SearchPage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code t3 conversations search QUERY}: full-text search over the stored conversations. Words of the
 * query may start with a dash ({@code -gradle} leaves out conversations that mention Gradle), so this
 * command's one-dash options are only {@code -h} and {@code -n}, as on every listing, and it takes any
 * other dashed word as part of the query ({@link Cli}); a word with two dashes is an option it does not
 * have ({@code --jsno}, or a connection option of the commands that connect), refused as anywhere else.
 */
@Command(name = "search",
        description = {"Search the stored conversations, best match or newest first.",
            "A message matches when it holds every word (any case, with or without accents).",
            "Works offline: the conversations and their index are on this machine."},
        footer = {"", "Query:",
            "  maven shading        messages holding both words",
            "  \"shade plugin\"       the words one after the other; shad* a word starting so",
            "  -gradle              leave out conversations that mention it (-h and -n are",
            "                       this command's options, not query words)",
            "  model:claude-4-sonnet, model:gpt*   messages of that model",
            "  role:user, role:assistant          messages of that author",
            "  after:2026-11-01, before:2026-12, after:7d   message dates",
            "  Chinese, Japanese and Korean text is found anywhere inside longer runs.",
            "", "Examples:",
            "  t3 conversations search maven shading",
            "  t3 conversations search '\"shade plugin\"' -gradle after:30d",
            "  t3 conversations search -n 20 --sort newest kotlin",
            "  t3 conversations search --json role:assistant k8s | jq -r '.hits[].threadId'",
            "", "Read a hit with t3 conversations show ID; continue it with",
            "t3 ask --conversation ID."})
final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    ConversationsCommand parent;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to look for (words are joined with spaces).")
    List<String> words = List.of();

    @Option(names = "--sort", paramLabel = "relevance|newest", defaultValue = "relevance",
            description = "relevance (default: best match first) or newest (most recent match first).")
    String sort;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10", description = "Hits per page (default 10).")
    int limit;

    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Which page of hits (from 1).")
    int page;

    @Option(names = "--json", description = "Print one JSON object: query, order, page, pageSize, pageCount, total,"
            + " hits (threadId, title, model, role, date, source, snippet, highlights, matchingMessages, score),"
            + " skipped, notices.")
    boolean json;

    @Option(names = "--reindex", description = "Build the search index afresh from the conversation files first.")
    boolean reindex;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    private final CliContext context;

    SearchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        for (String word : words) {
            if (word.startsWith("--") && word.length() > 2) {
                throw new CommandLine.UnmatchedArgumentException(spec.commandLine(), List.of(word));
            }
        }
        String text = String.join(" ", words);
        SearchOrder order = InvalidInputException.whenInvalid(() -> SearchOrder.parse(sort));
        boolean terminal = context.errColour();
        SearchOutput.Line line = SearchOutput.progress(context.err());
        IndexProgressListener progress = terminal ? line : IndexProgressListener.NONE;
        SearchConversationsQuery query = SearchConversationsQuery.of(text).withOrder(order).withPage(page)
                .withPageSize(limit).withRebuild(reindex).withProgress(progress);
        SearchPage found;
        try {
            found = parent.root.services().local().searchConversations(query);
        } finally {
            line.finish();
        }
        found.notices().forEach(n -> context.err().println("t3: " + TerminalSafe.text(n)));
        found.problems().forEach(p -> context.err().println("t3: skipped " + TerminalSafe.text(p.source()) + ": "
                + TerminalSafe.text(p.reason())));
        context.err().flush();
        if (json) {
            context.out().println(SearchOutput.json(found, text, order));
        } else {
            context.out().print(SearchOutput.hits(found, context.colour()));
            if (context.stdoutIsTerminal()) {
                context.out().println(SearchOutput.summary(found, "--page"));
            } else if (found.total() == 0) {
                context.err().println("t3: no conversation matches.");
            }
        }
        context.out().flush();
        context.err().flush();
        return ExitCode.OK;
    }
}
