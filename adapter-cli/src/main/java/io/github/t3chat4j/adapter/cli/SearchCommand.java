package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.IndexProgressListener;
import io.github.t3chat4j.application.SearchConversationsQuery;
import io.github.t3chat4j.domain.search.SearchOrder;
import io.github.t3chat4j.domain.search.SearchPage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code t3 conversations search QUERY}: full-text search over the stored conversations. Words of the
 * query may start with a dash ({@code -gradle} leaves out conversations that mention Gradle), so this
 * command has long options only and takes any other dashed word as part of the query ({@link Cli}).
 */
@Command(name = "search",
        description = {"Search the stored conversations: every word in one message (any case, any accents),"
            + " newest first or best match first."},
        footer = {"", "Query:",
            "  maven shading        messages holding both words",
            "  \"shade plugin\"       the words one after the other; shad* a word starting so",
            "  -gradle              leave out conversations that mention it",
            "  model:claude-4-sonnet, model:gpt*   messages of that model",
            "  role:user, role:assistant          messages of that author",
            "  after:2026-11-01, before:2026-12, after:7d   message dates",
            "  Chinese, Japanese and Korean text is found anywhere inside longer runs.",
            "", "Examples:",
            "  t3 conversations search maven shading",
            "  t3 conversations search '\"shade plugin\"' -gradle after:30d",
            "  t3 conversations search --json role:assistant k8s | jq -r '.hits[].threadId'",
            "", "Read a hit with t3 conversations show ID; continue it with t3 ask --conversation ID."})
final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    ConversationsCommand parent;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to look for (words are joined with spaces).")
    List<String> words = List.of();

    @Option(names = "--sort", paramLabel = "relevance|newest", defaultValue = "relevance",
            description = "relevance (default: best match first) or newest (most recent match first).")
    String sort;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Hits per page (default 10).")
    int limit;

    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Which page of hits (from 1).")
    int page;

    @Option(names = "--json", description = "Print one JSON object: query, order, page, pageSize, pageCount, total,"
            + " hits (threadId, title, model, role, date, source, snippet, highlights, matchingMessages, score),"
            + " skipped, notices.")
    boolean json;

    @Option(names = "--reindex", description = "Build the search index afresh from the conversation files first.")
    boolean reindex;

    @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    private final CliContext context;

    SearchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
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
