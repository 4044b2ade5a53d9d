package io.github.t3chat4j.adapter.http.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.t3chat4j.adapter.http.internal.browser.BrowserExecutables;
import io.github.t3chat4j.adapter.http.internal.browser.BrowserProcess;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browser engine's own promises, with a real headless Chromium against the fake t3.chat: no secret on
 * the browser's command line or in its environment, a private profile that closing deletes with the
 * browser, a crashed browser started again for the next request, and a clear refusal without a browser.
 * Skipped, saying so, without Chromium.
 */
class BrowserEngineTest {

    private static final String WOS = "SECRET-wos-browser-engine";
    private static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(20));

    private FakeT3Server server;
    private BrowserEngine engine;

    @BeforeEach
    void start() {
        assumeTrue(BrowserExecutables.of(System.getenv()).find(Optional.of("chromium")).isPresent(),
                "No chromium on the PATH: the browser engine's tests need Debian's chromium (.ci/run installs it).");
        server = FakeT3Server.start();
        engine = BrowserEngine.create(EngineOptions.defaults().withSite(server.baseUrl())
                .withBrowser(Optional.of("chromium")), System.getenv());
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void putsNoSecretOnTheBrowsersCommandLineOrInItsEnvironment() throws Exception {
        assertThat(get("/")).isEqualTo(200);
        long pid = engine.process().orElseThrow().pid();

        String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
        String environment = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
                StandardCharsets.UTF_8);

        assertThat(commandLine).contains("--remote-debugging-pipe", "--headless").doesNotContain(WOS)
                .doesNotContain("wos-session");
        assertThat(environment).doesNotContain(WOS).doesNotContain("COOKIES");
        assertThat(server.lastRequest("/").orElseThrow().cookie("wos-session")).contains(WOS);
    }

    @Test
    void keepsItsProfilePrivate_andDeletesItWithTheBrowser_whenClosed() throws Exception {
        assertThat(get("/")).isEqualTo(200);
        BrowserProcess browser = engine.process().orElseThrow();
        Path folder = browser.folder();
        ProcessHandle process = ProcessHandle.of(browser.pid()).orElseThrow();

        assertThat(Files.getPosixFilePermissions(folder)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        engine.close();

        assertThat(process.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(folder).doesNotExist();
    }

    @Test
    void startsTheBrowserAgain_forTheNextRequest_afterItCrashed() throws Exception {
        assertThat(get("/")).isEqualTo(200);
        ProcessHandle first = ProcessHandle.of(engine.process().orElseThrow().pid()).orElseThrow();

        first.destroyForcibly();
        first.onExit().get(10, TimeUnit.SECONDS);

        assertThat(get("/")).isEqualTo(200);
        assertThat(engine.process().orElseThrow().pid()).isNotEqualTo(first.pid());
    }

    @Test
    void refusesToStart_withoutTheBrowserItWasToldToRun() {
        assertThatThrownBy(() -> BrowserEngine.create(EngineOptions.defaults()
                .withBrowser(Optional.of("/nowhere/chrome")), Map.of("PATH", "/nowhere")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a Chromium-family browser")
                .hasMessageContaining("--browser");
    }

    private int get(String path) throws IOException {
        EngineRequest request = new EngineRequest("GET", URI.create(server.baseUrl() + path),
                List.of(new Header("Cookie", "wos-session=" + WOS)), new byte[0], false, TIMEOUTS);
        try (EngineResponse response = engine.execute(request)) {
            response.body().readAllBytes();
            return response.status();
        }
    }
}
