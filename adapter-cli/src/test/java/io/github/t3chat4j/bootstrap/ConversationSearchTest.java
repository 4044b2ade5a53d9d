package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.cli.CliContext;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code t3 conversations search} through the real composition root, over conversations {@code t3 ask} saved;
 * {@link ConversationSearchLauncherIT} runs it through the packaged launcher, cold and warm.
 */
class ConversationSearchTest {

    private static final Pattern ID = Pattern.compile("^([0-9a-f-]{36})  ", Pattern.MULTILINE);

    private final FakeT3Server server = FakeT3Server.start();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;

    private T3Runner t3;

    /** How t3 is run; the {@code *LauncherIT} subclass runs this class through the packaged launcher, cold and warm. */
    T3Runner.Mode mode() {
        return T3Runner.Mode.IN_PROCESS;
    }

    @BeforeEach
    void signIn() {
        t3 = mode().runner(home, InProcessT3.signedInEnv(server, "search"));
    }

    @AfterEach
    void stop() {
        try {
            t3.close();
        } finally {
            server.close();
        }
    }

    private void onATerminal_inProcessOnly() {
        Assumptions.assumeTrue(mode() == T3Runner.Mode.IN_PROCESS,
                "a terminal: in-process here, through tmux in TerminalLauncherIT");
    }

    private String idOf(String output) {
        Matcher m = ID.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    @Test
    void findsWhatWasAsked_andAHitContinuesWithShowAndAsk() {
        assertThat(t3.run("ask", "How do I shade a jar with Maven?")).as(t3.err()).isZero();
        assertThat(t3.run("ask", "Tell me about Gradle and Kotlin")).as(t3.err()).isZero();

        assertThat(t3.run("conversations", "search", "maven")).as(t3.err()).isZero();
        String hits = t3.out();
        assertThat(hits).contains("How do I shade a jar with Maven?").doesNotContain("Gradle");
        String id = idOf(hits);
        assertThat(hits.lines().filter(l -> l.matches("[0-9a-f-]{36}  .*"))).hasSize(1);

        assertThat(t3.run("conversations", "show", id)).as(t3.err()).isZero();
        assertThat(t3.out()).contains("How do I shade a jar with Maven?");
        assertThat(t3.run("ask", "--conversation", id, "And shading?")).as(t3.err()).isZero();
        assertThat(t3.out()).startsWith("Echo(3): And shading?");

        assertThat(t3.run("conversations", "search", "shading")).isZero();
        assertThat(idOf(t3.out())).isEqualTo(id);
    }

    @Test
    void dashedWordsLeaveConversationsOut_evenThoseThatLookLikeOptions() {
        t3.run("ask", "vim or emacs for java");
        t3.run("ask", "vscode for java");

        assertThat(t3.run("conversations", "search", "java", "-vim")).as(t3.err()).isZero();
        assertThat(t3.out()).contains("vscode for java").doesNotContain("vim or emacs");
        assertThat(t3.run("conversations", "search", "java", "-vscode", "--sort", "newest")).as(t3.err()).isZero();
        assertThat(t3.out()).contains("vim or emacs").doesNotContain("vscode for");
    }

    @Test
    void nAndH_areOptionsAsOnEveryListing_andTheOtherDashedWordsStayQueryWords() {
        t3.run("ask", "kestrel one");
        t3.run("ask", "kestrel two");
        t3.run("ask", "kestrel three with vim");

        assertThat(t3.run("conversations", "search", "-n", "1", "--sort", "newest", "kestrel", "-vim"))
                .as(t3.err()).isZero();
        assertThat(t3.out()).contains("kestrel two").doesNotContain("kestrel one", "kestrel three");
        assertThat(t3.run("conversations", "search", "-h")).isZero();
        assertThat(t3.out()).startsWith("Usage: t3 conversations search ").contains("-n, --limit=N");
    }

    @Test
    void connectionOptionsAreRefused_forTheSearchNeverConnects() {
        assertThat(t3.run("--proxy", "http://127.0.0.1:9", "conversations", "search", "x"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).startsWith("--proxy sets how t3 connects to t3.chat, and 't3 conversations search'"
                + " never connects.");
        assertThat(t3.run("conversations", "search", "x", "--timeout", "5s")).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).startsWith("Unknown option: '--timeout'");
    }

    @Test
    void searchWithoutConversations_saysWhichCommandItIsUnder() {
        assertThat(t3.run("search", "maven")).isEqualTo(ExitCode.USAGE);

        assertThat(t3.err()).contains("Did you mean: t3 conversations search?").doesNotContain("t3 serve");
    }

    @Test
    void aMisspeltOption_isAUsageErrorWithASuggestion_notAQueryWord() {
        t3.run("ask", "kestrel one");

        assertThat(t3.run("conversations", "search", "--jsno", "kestrel")).isEqualTo(ExitCode.USAGE);

        assertThat(t3.err()).startsWith("Unknown option: '--jsno'").contains("--json");
        assertThat(t3.out()).isEmpty();
    }

    @Test
    void printsOneJsonObjectForScripts() throws Exception {
        t3.run("ask", "Tokyo 東京 café 🚀 launch notes");
        t3.run("ask", "another launch");

        assertThat(t3.run("conversations", "search", "--json", "--limit", "1", "launch")).as(t3.err()).isZero();
        JsonNode page = json.readTree(t3.out());
        assertThat(page.get("query").asText()).isEqualTo("launch");
        assertThat(page.get("order").asText()).isEqualTo("relevance");
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("pageCount").asInt()).isEqualTo(2);
        assertThat(page.get("hits")).hasSize(1);
        assertThat(t3.out().strip().lines()).hasSize(1);

        assertThat(t3.run("conversations", "search", "--json", "東京")).isZero();
        JsonNode hit = json.readTree(t3.out()).get("hits").get(0);
        assertThat(hit.get("threadId").asText()).matches("[0-9a-f-]{36}");
        assertThat(hit.get("title").asText()).isEqualTo("Tokyo 東京 café 🚀 launch notes");
        assertThat(hit.get("model").asText()).isNotBlank();
        assertThat(hit.get("role").asText()).isIn("user", "assistant");
        assertThat(hit.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(hit.get("source").asText()).isEqualTo("text");
        String snippet = hit.get("snippet").asText();
        int start = hit.get("highlights").get(0).get(0).asInt();
        int end = hit.get("highlights").get(0).get(1).asInt();
        assertThat(snippet.substring(snippet.offsetByCodePoints(0, start), snippet.offsetByCodePoints(0, end)))
                .isEqualTo("東京");
        assertThat(snippet).contains("🚀");
        assertThat(hit.get("matchingMessages").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(hit.get("score").isNumber()).isTrue();
        assertThat(json.readTree(t3.out()).get("skipped")).isEmpty();
        assertThat(json.readTree(t3.out()).get("notices")).isEmpty();
    }

    @Test
    void pagesAndOrder() {
        t3.run("ask", "kestrel one");
        t3.run("ask", "kestrel two");
        t3.run("ask", "kestrel three");

        assertThat(t3.run("conversations", "search", "--sort", "newest", "--limit", "2", "kestrel")).isZero();
        assertThat(t3.out()).contains("kestrel three", "kestrel two").doesNotContain("kestrel one");
        assertThat(t3.run("conversations", "search", "--sort", "newest", "--limit", "2", "--page", "2", "kestrel"))
                .isZero();
        assertThat(t3.out()).contains("kestrel one").doesNotContain("kestrel two");
    }

    @Test
    void aDeletedConversationIsNotFound() {
        t3.run("ask", "an ephemeral osprey");
        t3.run("conversations", "search", "osprey");
        String id = idOf(t3.out());

        assertThat(t3.run("conversations", "delete", id)).isZero();
        assertThat(t3.run("conversations", "search", "osprey")).isZero();
        assertThat(t3.out()).isEmpty();
        assertThat(t3.err()).contains("no conversation matches");
    }

    @Test
    void badQueriesAreUsageErrors_inOneLine() {
        assertThat(t3.run("conversations", "search", "after:someday")).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err().strip().lines()).singleElement().asString().contains("after: takes a date");
        assertThat(t3.run("conversations", "search", "--sort", "sideways", "x")).isEqualTo(ExitCode.USAGE);
        assertThat(t3.run("conversations", "search", "--page", "0", "x")).isEqualTo(ExitCode.USAGE);
        assertThat(t3.run("conversations", "search")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void storedTextCannotDriveTheTerminal_andMatchesAreHighlightedOnIt() {
        onATerminal_inProcessOnly();
        t3.run("ask", "evil \u001b]0;pwned\u0007 title \u001b[31mred kestrel");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "TERM", "xterm-256color"));

        int code = Main.run(new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), env, true, true, true, new CompositionRoot(new PrintWriter(err), home, null),
                home), "conversations", "search", "kestrel");

        assertThat(code).as(err.toString()).isZero();
        String shown = out.toString();
        assertThat(shown).doesNotContain("\u001b]").doesNotContain("\u0007").doesNotContain("\u001b[31m");
        assertThat(shown).contains("␛]0;pwned␇", "␛[31mred");
        assertThat(shown).contains("\u001b[1;33mkestrel\u001b[0m");
        assertThat(shown).contains("1 conversation matches.");
    }

    @Test
    void showsItsProgressOnATerminal_whileBuildingABigIndex() throws Exception {
        onATerminal_inProcessOnly();
        Path folder = home.resolve(".local/share/t3chat4j/conversations");
        Files.createDirectories(folder);
        for (int i = 0; i < 150; i++) {
            String id = String.format("00000000-0000-0000-0000-%012d", i);
            Files.writeString(folder.resolve(id + ".json"), "{\"schemaVersion\":1,\"threadId\":\"" + id + "\",\"title\":\"t\","
                    + "\"model\":\"gpt-5\",\"settings\":{\"reasoningEffort\":\"low\",\"search\":false,"
                    + "\"systemPrompt\":\"\",\"timezone\":\"UTC\",\"locale\":\"en-US\"},\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\","
                    + "\"messages\":[{\"id\":\"m\",\"role\":\"user\",\"content\":\"bulk " + i + "\",\"status\":\"complete\","
                    + "\"createdAt\":\"2026-01-01T00:00:00Z\"}]}");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "TERM", "xterm-256color"));

        int code = Main.run(new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), env, true, true, true, new CompositionRoot(new PrintWriter(err), home, null),
                home), "conversations", "search", "bulk");

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("\rIndexing the conversations for search… 150 of 150").endsWith("\r\u001b[K");
        assertThat(out.toString()).contains("150 conversations match; page 1 of 15 (--page 2 for more).");
        assertThat(t3.run("conversations", "search", "bulk")).isZero();
        assertThat(t3.err()).isEmpty();
    }
}
