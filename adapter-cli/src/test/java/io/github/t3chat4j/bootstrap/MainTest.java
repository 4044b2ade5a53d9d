package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code t3} in-process through the real composition root, against the fake server over loopback. */
class MainTest {

    private static final String COOKIES = "theme=dark; wos-session=SECRET-WOS-VALUE";
    private static final String CONVEX = "SECRET-CONVEX-VALUE";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private FakeT3Server server;
    private T3Runner runner;

    @TempDir
    Path dataHome;

    /** How t3 is run; the {@code *LauncherIT} subclass runs this class through the packaged launcher, cold and warm. */
    T3Runner.Mode mode() {
        return T3Runner.Mode.IN_PROCESS;
    }

    @BeforeEach
    void startServer() throws java.io.IOException {
        server = FakeT3Server.start();
        Path home = java.nio.file.Files.createDirectories(dataHome.resolve("home"));
        runner = mode().runner(home, Map.of("XDG_DATA_HOME", dataHome.toString(),
                "XDG_CONFIG_HOME", dataHome.resolve("config").toString()));
    }

    @AfterEach
    void stopServer() {
        try {
            runner.close();
        } finally {
            server.close();
        }
    }

    /** {@code t3 args} with these environment variables; what it prints is added to {@link #out} and {@link #err}. */
    private int t3(Map<String, String> env, String... args) {
        int code = runner.run(env, args);
        out.write(runner.out());
        err.write(runner.err());
        return code;
    }

    private Map<String, String> credentials() {
        Map<String, String> env = new HashMap<>();
        env.put("COOKIES", COOKIES);
        env.put("CONVEX_SESSION_ID", "\"" + CONVEX + "\"");
        return env;
    }

    @Test
    void demoAnswersWithRichMarkdown_renderedOnATerminal_andUntouchedInAPipe() {
        org.junit.jupiter.api.Assumptions.assumeTrue(mode() == T3Runner.Mode.IN_PROCESS,
                "a terminal on standard output: in-process here, through tmux in ChatInTerminalIT");
        Map<String, String> terminal = new HashMap<>(Map.of("TERM", "xterm-256color", "COLUMNS", "80", "LINES", "40"));
        terminal.put("HOME", dataHome.resolve("home").toString());
        terminal.put("XDG_DATA_HOME", dataHome.toString());
        terminal.put("XDG_CONFIG_HOME", dataHome.resolve("config").toString());
        StringWriter rendered = new StringWriter();

        int code = Main.run(new PrintWriter(rendered, true), new PrintWriter(err, true), terminal, true, true,
                "--demo", "ask", "show me markdown");
        int piped = t3(Map.of(), "--demo", "ask", "show me markdown");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(rendered.toString()).contains("╭─ ", "java", "┌──────────┬", "1995 ");
        assertThat(piped).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo(Scenarios.MARKDOWN_TEXT);
    }

    @Test
    void asksAndStreamsTheReply_againstAServerAtBaseUrl() {
        int code = t3(credentials(), "--base-url", server.baseUrl().toString(), "ask", "hi", "there");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("Echo(1): hi there" + System.lineSeparator());
        RecordedRequest chat = server.lastRequest("/api/chat").orElseThrow();
        assertThat(chat.cookie("wos-session")).isPresent();
        assertThat(chat.body()).contains("\"convexSessionId\":\"" + CONVEX + "\"");
        assertThat(chat.body()).contains("\"model\":\"gemini-2.5-flash-lite\"");
    }

    @Test
    void takesBaseUrlAndModelFromEnvironment() {
        Map<String, String> env = credentials();
        env.put("T3_BASE_URL", server.baseUrl().toString());
        env.put("T3_MODEL", "claude-4-sonnet");

        int code = t3(env, "ask", "hello");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(server.lastRequest("/api/chat").orElseThrow().body()).contains("\"model\":\"claude-4-sonnet\"");
    }

    @Test
    void runsTheDemoWithoutCredentials() {
        int code = t3(Map.of(), "--demo", "ask", "hello demo");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("Echo(1): hello demo");
    }

    @Test
    void explainsWhereToFindCredentials_whenMissing_withoutStackTrace() {
        int code = t3(Map.of("T3_BASE_URL", server.baseUrl().toString()), "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.AUTH);
        assertThat(err.toString()).contains("COOKIES").contains("developer tools").contains("--demo")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(server.requests("/api/chat")).isEmpty();
    }

    @Test
    void refusesEmptyPrompt_asUsageError() {
        int code = t3(credentials(), "--base-url", server.baseUrl().toString(), "ask");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("nothing to ask");
    }

    @Test
    void reportsNetworkError_whenNothingListens_withoutLeakingSecrets() {
        int port = server.port();
        server.close();

        int code = t3(credentials(), "--base-url", "http://127.0.0.1:" + port, "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.NETWORK);
        assertThat(err.toString()).startsWith("t3: ").doesNotContain("SECRET").doesNotContain("\tat ");
        assertThat(out.toString()).doesNotContain("SECRET");
    }

    @Test
    void printsHelpWithExitCodes() {
        int code = t3(Map.of(), "--help");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("ask").contains("Exit codes").contains("--demo");
    }

    @Test
    void continuesTheLatestConversation_sendingItsHistory() {
        t3(credentials(), "--base-url", server.baseUrl().toString(), "ask", "first");
        out.getBuffer().setLength(0);

        int code = t3(credentials(), "--base-url", server.baseUrl().toString(), "ask", "--continue", "second");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("Echo(3): second");
        assertThat(server.requests("/api/chat")).hasSize(2);
    }

    @Test
    void listsAndExportsStoredConversations() {
        t3(credentials(), "--base-url", server.baseUrl().toString(), "ask", "What is Maven?");
        out.getBuffer().setLength(0);

        int listed = t3(Map.of(), "conversations", "list");
        String listing = out.toString();
        String id = listing.substring(0, listing.indexOf(' '));
        out.getBuffer().setLength(0);
        int exported = t3(Map.of(), "conversations", "export", id, "--format", "md");

        assertThat(listed).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(listing).contains("What is Maven?").contains("2 msgs");
        assertThat(exported).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("What is Maven?").contains("Echo(1): What is Maven?");
    }

    @Test
    void showsReasoningOnStandardError_apartFromTheAnswer_inDemo() {
        int code = t3(Map.of(), "--demo", "ask", "--reasoning", "high", "--show-reasoning", "why?");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("Echo(1): why?" + System.lineSeparator());
        assertThat(err.toString()).contains("with high effort").doesNotContain("Echo");
    }

    @Test
    void hidesReasoning_unlessAsked() {
        t3(Map.of(), "--demo", "ask", "--reasoning", "high", "why?");

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEqualTo("Echo(1): why?" + System.lineSeparator());
    }

    @Test
    void savesTheImageReply_andPrintsItsPath_inDemo() throws Exception {
        Path target = dataHome.resolve("cat.png");

        int code = t3(Map.of(), "--demo", "ask", "--model", "gpt-image-1", "--save-image", target.toString(),
                "a cat");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString().strip()).isEqualTo(target.toString());
        assertThat(java.nio.file.Files.readAllBytes(target)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void printsTheImageUrl_whenNotSaving() {
        int code = t3(Map.of(), "--demo", "ask", "--model", "gpt-image-1", "a cat");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString().strip()).startsWith("http://127.0.0.1:").endsWith("/image.png");
    }

    @Test
    void printsCreditsAndUsage_inDemo() {
        int code = t3(Map.of(), "--demo", "credits");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Balance:      1000 credits").contains("Usage:").contains("Resets:");
    }

    @Test
    void printsCreditsAsJson_forScripts() {
        int code = t3(credentials(), "--base-url", server.baseUrl().toString(), "credits", "--json");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString().strip()).startsWith("{\"balance\":1000,").endsWith("}");
        assertThat(server.requests("/api/trpc/getCustomerData")).hasSize(1);
    }

    @Test
    void reportsTheCreditsAReplyCost_afterTheReply() {
        int code = t3(credentials(), "--base-url", server.baseUrl().toString(), "ask", "--credits", "hi");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("Echo(1): hi" + System.lineSeparator());
        assertThat(err.toString()).contains("credits: 12 credits (1000 → 988)");
    }

    @Test
    void suggestsTheClosestModel_beforeSendingAnything() {
        int code = t3(credentials(), "--base-url", server.baseUrl().toString(), "ask", "--model", "gemini-2.5-flsh",
                "hi");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Did you mean 'gemini-2.5-flash'?");
        assertThat(server.requests("/api/chat")).isEmpty();
    }

    @Test
    void listsModels_withFiltersAndJson() {
        int all = t3(Map.of(), "--demo", "models");
        String table = out.toString();
        out.getBuffer().setLength(0);
        int images = t3(Map.of(), "--demo", "models", "--images", "--json");

        assertThat(all).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(table).contains("gemini-2.5-flash-lite").contains("claude-4-sonnet").contains("gpt-image-1");
        assertThat(images).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("\"id\":\"gpt-image-1\"").doesNotContain("claude-4-sonnet");
    }

    @Test
    void generatesAndSavesAnImage_inTheDataFolder() throws Exception {
        int code = t3(Map.of(), "--demo", "image", "a lighthouse at dusk");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        Path saved = Path.of(out.toString().strip());
        assertThat(saved).startsWith(dataHome).exists();
        assertThat(saved.getFileName().toString()).startsWith("a-lighthouse-at-dusk").endsWith(".png");
        assertThat(java.nio.file.Files.readAllBytes(saved)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void continuesInDemo_withTheEchoCountShowingTheHistory() {
        t3(Map.of(), "--demo", "ask", "one");
        out.getBuffer().setLength(0);

        int code = t3(Map.of(), "--demo", "ask", "--continue", "two");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("Echo(3): two");
    }

    @Test
    void importsBrowserHistory_andDeletesAConversation() throws Exception {
        Path export = dataHome.resolve("sidebar.json");
        java.nio.file.Files.writeString(export, "{\"state\":{\"threads\":[{\"threadId\":\"imported-1\","
                + "\"title\":\"From the browser\",\"model\":\"gpt-4o\",\"createdAt\":1700000000000,"
                + "\"updatedAt\":1700000000000,\"lastMessageAt\":1700000000000}],\"messages\":{\"imported-1\":["
                + "{\"messageId\":\"m1\",\"role\":\"user\",\"parts\":[{\"text\":\"Hi there\"}],"
                + "\"createdAt\":1700000000000},{\"messageId\":\"m2\",\"role\":\"assistant\","
                + "\"parts\":[{\"text\":\"Hello!\"}],\"createdAt\":1700000001000}]}}}");

        int imported = t3(Map.of(), "conversations", "import", export.toString());
        String importOut = out.toString();
        out.getBuffer().setLength(0);
        int shown = t3(Map.of(), "conversations", "show", "imported-1");
        String showOut = out.toString();
        int deleted = t3(Map.of(), "conversations", "delete", "imported-1");
        int missing = t3(Map.of(), "conversations", "show", "imported-1");

        assertThat(imported).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(importOut).contains("Imported 1");
        assertThat(shown).isEqualTo(ExitCode.OK);
        assertThat(showOut).contains("From the browser").contains("Hi there").contains("Hello!");
        assertThat(deleted).isEqualTo(ExitCode.OK);
        assertThat(missing).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void reportsACorruptConversationFile_asAFileError_andListsTheRest() throws Exception {
        t3(credentials(), "--base-url", server.baseUrl().toString(), "ask", "a good one");
        Path folder = dataHome.resolve("t3chat4j").resolve("conversations");
        java.nio.file.Files.writeString(folder.resolve("broken-1.json"), "{\"schemaVersion\":1, \"threadId\":");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        int shown = t3(Map.of(), "conversations", "show", "broken-1");
        String showErr = err.toString();
        int listed = t3(Map.of(), "conversations", "list");

        assertThat(shown).isEqualTo(ExitCode.IO);
        assertThat(showErr).contains("broken-1").doesNotContain("\tat ").doesNotContain("unexpected error");
        assertThat(listed).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("a good one");
        assertThat(err.toString()).contains("skipped broken-1.json");
    }

    @Test
    void storesTheRotatedCookie_whenTheCredentialsCameFromTheConfigFile() throws Exception {
        Path config = dataHome.resolve("config").resolve("t3chat4j").resolve("config.properties");
        java.nio.file.Files.createDirectories(config.getParent());
        java.nio.file.Files.writeString(config, "COOKIES=theme\\=dark; wos-session\\=old-token\n"
                + "CONVEX_SESSION_ID=cvx\nT3_BASE_URL=" + server.baseUrl().toString().replace(":", "\\:") + "\n"
                + "T3_LOGIN_ORIGIN=" + server.baseUrl().toString().replace(":", "\\:") + "\n");
        server.rotateSessionOnRefresh("rotated-token");

        int code = t3(Map.of(), "ask", "hi");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        java.util.Properties stored = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(config)) {
            stored.load(in);
        }
        assertThat(stored.getProperty("COOKIES")).isEqualTo("theme=dark; wos-session=rotated-token");
        assertThat(stored.getProperty("CONVEX_SESSION_ID")).isEqualTo("cvx");
        assertThat(out.toString() + err.toString()).doesNotContain("rotated-token");
    }

    @Test
    void leavesTheConfigFileAlone_whenTheCredentialsCameFromTheEnvironment() {
        server.rotateSessionOnRefresh("rotated-token");

        int code = t3(credentials(), "--base-url", server.baseUrl().toString(), "ask", "hi");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(dataHome.resolve("config").resolve("t3chat4j").resolve("config.properties")).doesNotExist();
    }
}
