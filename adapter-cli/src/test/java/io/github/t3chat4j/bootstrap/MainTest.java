package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
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

    @BeforeEach
    void startServer() {
        server = FakeT3Server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @TempDir
    Path dataHome;

    private int t3(Map<String, String> env, String... args) {
        Map<String, String> withData = new HashMap<>(env);
        withData.put("XDG_DATA_HOME", dataHome.toString());
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), withData, true, false, args);
    }

    private Map<String, String> credentials() {
        Map<String, String> env = new HashMap<>();
        env.put("COOKIES", COOKIES);
        env.put("CONVEX_SESSION_ID", "\"" + CONVEX + "\"");
        return env;
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
}
