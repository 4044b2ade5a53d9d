package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.testkit.EdgeCheckpoint;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code t3.jar} with the browser transport, as a user runs it, against the fake t3.chat
 * behind an edge checkpoint: {@code chat} and {@code serve} get through, and the browser (a real headless
 * Chromium) and its private profile are gone afterwards however {@code t3} ended: Ctrl-C, SIGTERM, or
 * killed outright (then the browser ends with its pipe, and the next run deletes the profile). Each run
 * gets a temporary folder of its own, where the profile lives, to look into. Skipped, saying so, without
 * Chromium.
 */
class BrowserTransportJarIT {

    private static final Path JAR = Path.of("target", "t3.jar");
    private static final String WOS = "SECRET-WOS-jar-browser";

    private FakeT3Server server;
    private Path home;
    private Path tmp;

    @BeforeEach
    void start() throws IOException {
        RealBrowsers.require("chromium");
        server = FakeT3Server.start().edgeCheckpoint(EdgeCheckpoint.vercel());
        home = Files.createTempDirectory("t3-browser-it");
        tmp = Files.createDirectories(home.resolve("tmp"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        browsers().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void chatsOverPipedInput_throughTheBrowser_leavingNothingBehind() throws Exception {
        Process t3 = start("--transport", "browser", "chat");
        t3.getOutputStream().write("hello there\n/quit\n".getBytes(StandardCharsets.UTF_8));
        t3.getOutputStream().close();
        String out = new String(t3.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(t3.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(t3.exitValue()).as(stderr()).isZero();
        assertThat(out).contains("Echo(1): hello there");
        assertThat(server.lastRequest("/api/chat").flatMap(r -> r.cookie(EdgeCheckpoint.COOKIE))).isPresent();
        assertNothingLeft();
    }

    @Test
    void servesTheGateway_throughTheBrowser_andCleansUpOnCtrlC() throws Exception {
        String key = "gateway-key-0123456789abcdefghij";
        Process t3 = start("--transport", "browser", "serve", "--port", "0", "--api-key", key);
        URI base = baseUrlFromBanner(t3);

        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/chat/completions")).header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gemini-2.5-flash-lite\","
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"through the browser\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).contains("Echo(1): through the browser");
        assertThat(browsers()).isNotEmpty();
        signal(t3, "INT");
        assertThat(t3.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(t3.exitValue()).isEqualTo(130);
        assertNothingLeft();
    }

    @Test
    void endsTheBrowser_andDeletesItsProfile_whenTerminatedMidReply() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        server.defaultChat(Scenarios.gated(never));
        Process t3 = start("--transport", "browser", "ask", "wait for it");
        waitForOutput(t3, Scenarios.GATED_FIRST.strip());
        assertThat(browsers()).isNotEmpty();

        signal(t3, "TERM");

        assertThat(t3.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertNothingLeft();
        never.countDown();
    }

    @Test
    void theBrowserEndsWithAKilledT3_andTheNextRunDeletesItsProfile() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        server.defaultChat(Scenarios.gated(never));
        Process t3 = start("--transport", "browser", "ask", "wait for it");
        waitForOutput(t3, Scenarios.GATED_FIRST.strip());
        assertThat(browsers()).isNotEmpty();

        t3.destroyForcibly();
        assertThat(t3.waitFor(30, TimeUnit.SECONDS)).isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!browsers().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(browsers()).as("the browser ends when the pipe from the killed t3 closes").isEmpty();
        assertThat(profiles()).as("a killed t3 cannot delete its profile").hasSize(1);
        never.countDown();
        server.defaultChat(Scenarios.echo());

        Process next = start("--transport", "browser", "ask", "again");
        next.getInputStream().readAllBytes();
        assertThat(next.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(next.exitValue()).as(stderr()).isZero();
        assertNothingLeft();
    }

    private Process start(String... args) throws IOException {
        assertThat(JAR).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toString(), "--base-url",
                server.baseUrl().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(home.resolve("stderr.txt").toFile());
        builder.environment().put("COOKIES", "wos-session=" + WOS);
        builder.environment().put("CONVEX_SESSION_ID", "cvx-jar-browser");
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        builder.environment().remove("T3_TRANSPORT");
        Process process = builder.start();
        if (!args[args.length - 1].equals("chat")) {
            // No piped text for ask to wait for; the chat gets its lines.
            process.getOutputStream().close();
        }
        return process;
    }

    private static URI baseUrlFromBanner(Process t3) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(t3.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.strip().startsWith("Base URL:")) {
                URI base = URI.create(line.strip().substring("Base URL:".length()).strip());
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ended) {
                        // The process ended.
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return base;
            }
        }
        throw new AssertionError("no banner");
    }

    private static void waitForOutput(Process t3, String text) throws IOException {
        StringBuilder seen = new StringBuilder();
        int c;
        while (!seen.toString().contains(text) && (c = t3.getInputStream().read()) >= 0) {
            seen.append((char) c);
        }
        assertThat(seen.toString()).contains(text);
    }

    private static void signal(Process process, String name) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start()
                .waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    /** The browsers whose profile is in this test's temporary folder. */
    private List<ProcessHandle> browsers() {
        String marker = tmp == null ? "\u0000" : tmp.toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(marker))
                .orElse(false)).filter(p -> !p.info().command().map(c -> c.endsWith("java")).orElse(false)).toList();
    }

    private List<Path> profiles() throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("t3chat4j-browser-")).toList();
        }
    }

    private void assertNothingLeft() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!browsers().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(browsers()).as("browser processes").isEmpty();
        assertThat(profiles()).as("browser profiles").isEmpty();
        assertThat(stderr()).doesNotContain(WOS).doesNotContain("Exception");
    }

    private String stderr() throws IOException {
        return Files.readString(home.resolve("stderr.txt"));
    }
}
