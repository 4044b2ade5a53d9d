package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code T3_COOKIES_FROM_BROWSER} reads the session afresh at every run, and the run keeps its network
 * settings (transport, proxy, deadlines, sizes) like any other (issue 19, point 12: they were dropped).
 */
class BrowserSessionAtEveryRunTest {

    private final FakeT3Server server = FakeT3Server.start();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void keepsTheRunsReplyLimit_whenTheSessionComesFromTheBrowser() throws Exception {
        Path profile = SignedInFirefoxProfile.write(home.resolve("firefox-profile"), "WOS-FROM-FIREFOX-0042", "cvx");
        InProcessT3 t3 = new InProcessT3(home);
        Map<String, String> env = Map.of("T3_COOKIES_FROM_BROWSER", "firefox:" + profile);

        int whole = t3.run(env, "--base-url", server.baseUrl().toString(), "ask", "hi");
        int limited = t3.run(env, "--base-url", server.baseUrl().toString(), "--max-reply-size", "10", "ask", "hi");

        assertThat(whole).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(server.lastRequest("/api/chat").orElseThrow().cookie("wos-session")).hasValue("WOS-FROM-FIREFOX-0042");
        assertThat(limited).as(t3.err()).isEqualTo(ExitCode.PROTOCOL);
        assertThat(t3.err()).contains("--max-reply-size").doesNotContain("WOS-FROM-FIREFOX");
    }
}
