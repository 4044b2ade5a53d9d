package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.IndexProgressListener;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.search.SearchHit;
import io.github.t3chat4j.domain.search.SearchOrder;
import io.github.t3chat4j.domain.search.SearchPage;
import io.github.t3chat4j.domain.search.Snippet;
import io.github.t3chat4j.domain.thread.StorageProblem;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How search hits are shown, by {@code t3 conversations search} and the chat's {@code /search}: two lines
 * a hit (the conversation's id, the matching message's date, its model and the title; then who wrote
 * it and the snippet, its matches in bold on a colour terminal), every piece of stored text through
 * {@link TerminalSafe}; or one JSON object ({@link #json}); and the indexing's progress line.
 */
final class SearchOutput {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String MATCH = "\u001b[1;33m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private SearchOutput() {
    }

    /** The hits of {@code page}, two lines each; an empty string when there is none. */
    static String hits(SearchPage page, boolean colour) {
        StringBuilder text = new StringBuilder();
        for (SearchHit hit : page.hits()) {
            String title = hit.title().isBlank() ? "(untitled)" : TerminalSafe.text(oneLine(hit.title()));
            text.append(hit.threadId().value()).append("  ")
                    .append(WHEN.format(hit.date().atZone(ZoneId.systemDefault()))).append("  ")
                    .append(TerminalSafe.text(hit.model().value())).append("  ")
                    .append(colour ? "\u001b[1m" + title + RESET : title).append(System.lineSeparator());
            text.append("    ").append(colour ? DIM + who(hit) + ":" + RESET : who(hit) + ":").append(' ')
                    .append(snippet(hit.snippet(), colour)).append(System.lineSeparator());
        }
        return text.toString();
    }

    /** Where the matches continue, and how to open a hit: for a person at a terminal. */
    static String summary(SearchPage page, String how) {
        if (page.total() == 0) {
            return "No conversation matches.";
        }
        String count = page.total() == 1 ? "1 conversation matches" : page.total() + " conversations match";
        String where = page.pageCount() > 1 ? "; page " + page.pageNumber() + " of " + page.pageCount()
                + (page.hasNextPage() ? " (" + how + " " + (page.pageNumber() + 1) + " for more)" : "") : "";
        return count + where + ".";
    }

    /** The author of the snippet's text: "you", "assistant" (or "reasoning"), or "title". */
    private static String who(SearchHit hit) {
        if (hit.snippet().source() == Snippet.Source.TITLE) {
            return "title";
        }
        if (hit.snippet().source() == Snippet.Source.REASONING) {
            return "reasoning";
        }
        return hit.role().map(r -> r == Role.USER ? "you" : "assistant").orElse("title");
    }

    /** The snippet safe for a terminal, its matches in bold yellow when {@code colour}. */
    static String snippet(Snippet snippet, boolean colour) {
        String text = snippet.text();
        if (!colour) {
            return TerminalSafe.text(text);
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * snippet.highlights().size());
        int at = 0;
        for (Snippet.Range range : snippet.highlights()) {
            out.append(TerminalSafe.text(text.substring(at, range.start())));
            out.append(MATCH).append(TerminalSafe.text(text.substring(range.start(), range.end()))).append(RESET);
            at = range.end();
        }
        return out.append(TerminalSafe.text(text.substring(at))).toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * {@code page} as one JSON object: {@code query}, {@code order}, {@code page}, {@code pageSize},
     * {@code pageCount}, {@code total}, {@code hits} (each {@code threadId}, {@code title}, {@code model},
     * {@code role} ({@code user}, {@code assistant} or null for a title), {@code date} (ISO-8601),
     * {@code source} ({@code text}, {@code reasoning} or {@code title}), {@code snippet},
     * {@code highlights} ({@code [start, end]} pairs counted in Unicode code points), {@code matchingMessages},
     * {@code score}), {@code skipped} (each {@code file}, {@code reason}) and {@code notices}.
     */
    static String json(SearchPage page, String query, SearchOrder order) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("query", query);
        fields.put("order", order.wireValue());
        fields.put("page", page.pageNumber());
        fields.put("pageSize", page.limit());
        fields.put("pageCount", page.pageCount());
        fields.put("total", page.total());
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchHit hit : page.hits()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("threadId", hit.threadId().value());
            h.put("title", hit.title());
            h.put("model", hit.model().value());
            h.put("role", hit.role().map(Role::wireValue).orElse(null));
            h.put("date", hit.date().toString());
            h.put("source", hit.snippet().source().name().toLowerCase(Locale.ROOT));
            String text = hit.snippet().text();
            h.put("snippet", text);
            List<List<Integer>> highlights = new ArrayList<>();
            for (Snippet.Range range : hit.snippet().highlights()) {
                highlights.add(List.of(text.codePointCount(0, range.start()), text.codePointCount(0, range.end())));
            }
            h.put("highlights", highlights);
            h.put("matchingMessages", hit.matchingMessages());
            h.put("score", hit.score());
            hits.add(h);
        }
        fields.put("hits", hits);
        List<Map<String, String>> skipped = new ArrayList<>();
        for (StorageProblem problem : page.problems()) {
            skipped.add(Map.of("file", problem.source(), "reason", problem.reason()));
        }
        fields.put("skipped", skipped);
        fields.put("notices", page.notices());
        return JsonOutput.write(fields);
    }

    /**
     * The indexing's progress on a terminal's standard error, rewritten in place: "Indexing the
     * conversations for search… 3400 of 10000". {@link Line#finish()} clears it.
     */
    static Line progress(PrintWriter err) {
        return new Line(err);
    }

    /** A progress line; writes control characters, so only for terminals. */
    static final class Line implements IndexProgressListener {
        private final PrintWriter err;
        private boolean wrote;

        private Line(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onProgress(int indexed, int toIndex) {
            wrote = true;
            err.print(String.format(Locale.ROOT, "\rIndexing the conversations for search… %d of %d\u001b[K", indexed,
                    toIndex));
            err.flush();
        }

        /** Removes the line, if one was written. */
        void finish() {
            if (wrote) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }
}
