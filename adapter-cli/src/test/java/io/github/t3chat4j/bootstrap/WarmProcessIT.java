package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.DelayingRelay;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm process as a user meets it, through the packaged launcher: what it keeps between runs (only
 * connections), what it never shares (a home folder's process, secrets), and how it behaves when things
 * go wrong around it (a client killed mid-reply, Ctrl-C, twenty runs at once, a stale socket, the jar
 * replaced under it). Every test stops the warm processes it started.
 */
class WarmProcessIT {

    private static final String SECRET = "WARM-SECRET-COOKIE-7781";
    private static final long WAIT_MILLIS = 60_000;

    @TempDir
    Path temp;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        closing.add(resource);
        return resource;
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(temp.resolve(name));
    }

    private LauncherT3 warm(Path home, Map<String, String> env) {
        return closeLater(new LauncherT3(home, env, true));
    }

    private static Map<String, String> signedIn(FakeT3Server server, String wosSession) {
        return Map.of("COOKIES", "wos-session=" + wosSession, "CONVEX_SESSION_ID", "cvx",
                "T3_BASE_URL", server.baseUrl().toString());
    }

    @Test
    void seesWhatChangedBetweenTwoRuns_flagsEnvironmentDotEnvConfigFileAndANewLogin() throws Exception {
        FakeT3Server server = closeLater(FakeT3Server.start());
        Path home = folder("home");
        LauncherT3 t3 = warm(home, Map.of("T3_BASE_URL", server.baseUrl().toString()));
        Map<String, String> one = Map.of("COOKIES", "wos-session=one", "CONVEX_SESSION_ID", "cvx");

        assertThat(t3.run(one, "ask", "first")).as(t3.err()).isZero();
        String firstCookie = lastChat(server).cookie("wos-session").orElseThrow();
        assertThat(t3.run(Map.of("COOKIES", "wos-session=two", "CONVEX_SESSION_ID", "cvx", "T3_MODEL",
                "claude-4-sonnet"), "ask", "second")).as(t3.err()).isZero();
        RecordedRequest second = lastChat(server);
        assertThat(t3.run(one, "ask", "--model", "gpt-4o", "third")).as(t3.err()).isZero();
        RecordedRequest third = lastChat(server);
        Files.writeString(home.resolve(".env"), "T3_MODEL=gemini-2.5-flash\n");
        assertThat(t3.run(one, "ask", "fourth")).as(t3.err()).isZero();
        RecordedRequest fourth = lastChat(server);
        Files.delete(home.resolve(".env"));
        assertThat(t3.runPiped("wos-session=three\ncvx3\n", "login", "--no-check")).as(t3.err()).isZero();
        Path config = home.resolve(".config/t3chat4j/config.properties");
        Files.writeString(config, Files.readString(config) + "T3_MODEL=kimi-k2.5\n");
        assertThat(t3.run("ask", "fifth")).as(t3.err()).isZero();
        RecordedRequest fifth = lastChat(server);
        assertThat(t3.run("logout")).as(t3.err()).isZero();
        int afterLogout = t3.run("ask", "sixth");

        assertThat(firstCookie).isEqualTo("one");
        assertThat(second.cookie("wos-session")).contains("two");
        assertThat(second.body()).contains("\"model\":\"claude-4-sonnet\"");
        assertThat(third.cookie("wos-session")).contains("one");
        assertThat(third.body()).contains("\"model\":\"gpt-4o\"");
        assertThat(fourth.body()).contains("\"model\":\"gemini-2.5-flash\"");
        assertThat(fifth.cookie("wos-session")).contains("three");
        assertThat(fifth.body()).contains("\"model\":\"kimi-k2.5\"").contains("cvx3");
        assertThat(afterLogout).isEqualTo(ExitCode.AUTH);
    }

    private static RecordedRequest lastChat(FakeT3Server server) {
        return server.lastRequest("/api/chat").orElseThrow();
    }

    @Test
    void keepsItsConnectionToTheServerOpenBetweenRuns_whereColdRunsOpenOneEach() throws Exception {
        FakeT3Server server = closeLater(FakeT3Server.start());
        DelayingRelay relay = closeLater(DelayingRelay.start(server.port(), 0));
        String url = "http://127.0.0.1:" + relay.port();
        LauncherT3 warm = warm(storedLogin(folder("warm"), url), Map.of());
        LauncherT3 cold = closeLater(new LauncherT3(storedLogin(folder("cold"), url), Map.of(), false));

        // The first run of each renews the stored session (a request whose answer is dropped, and its
        // HTTP/1.1 connection with it); later runs only send.
        assertThat(warm.run("--base-url", url, "ask", "warm 0")).as(warm.err()).isZero();
        int warmBefore = relay.connections();
        for (int i = 1; i <= 3; i++) {
            assertThat(warm.run("--base-url", url, "ask", "warm " + i)).as(warm.err()).isZero();
        }
        int warmOpened = relay.connections() - warmBefore;
        assertThat(cold.run("--base-url", url, "ask", "cold 0")).as(cold.err()).isZero();
        int coldBefore = relay.connections();
        for (int i = 1; i <= 3; i++) {
            assertThat(cold.run("--base-url", url, "ask", "cold " + i)).as(cold.err()).isZero();
        }

        assertThat(warmOpened).isZero();
        assertThat(relay.connections() - coldBefore).isEqualTo(3);
        assertThat(server.requests("/api/chat")).hasSize(8);
    }

    /** {@code home} with a login stored for {@code url}, as {@code t3 login --base-url} stores it. */
    private static Path storedLogin(Path home, String url) throws IOException {
        Path config = Files.createDirectories(home.resolve(".config/t3chat4j")).resolve("config.properties");
        Files.writeString(config, "COOKIES=wos-session\\=stored\nCONVEX_SESSION_ID=cvx\nT3_LOGIN_ORIGIN="
                + url.replace(":", "\\:") + "\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(config.getParent(), PosixFilePermissions.fromString("rwx------"));
        return home;
    }

    @Test
    void neverSharesAWarmProcessBetweenTwoHomeFolders_evenWithOneRuntimeFolder() throws Exception {
        Path runtime = Files.createTempDirectory("t3rt", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Map<String, String> shared = Map.of("XDG_RUNTIME_DIR", runtime.toString());
        LauncherT3 alice = warm(folder("alice"), shared);
        LauncherT3 bob = warm(folder("bob"), shared);

        assertThat(alice.run("--demo", "ask", "from alice")).as(alice.err()).isZero();
        assertThat(bob.run("--demo", "ask", "from bob")).as(bob.err()).isZero();
        assertThat(alice.run("--demo", "conversations", "list")).isZero();
        String aliceList = alice.out();
        String aliceStatus = alice.control().status().orElseThrow();
        String bobStatus = bob.control().status().orElseThrow();

        assertThat(WarmControl.pid(aliceStatus)).isNotEqualTo(WarmControl.pid(bobStatus));
        assertThat(line(aliceStatus, "socket: ")).isNotEqualTo(line(bobStatus, "socket: "));
        assertThat(aliceList).contains("from alice").doesNotContain("from bob");
    }

    private static String line(String status, String prefix) {
        return status.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void cancelsAndKeepsTheReply_whenTheClientIsKilledMidReply_soTheConversationIsFreeAtOnce() throws Exception {
        Path home = folder("home");
        LauncherT3 t3 = warm(home, Map.of());
        assertThat(t3.run("--demo", "ask", "hello")).isZero();

        Process client = t3.start(Map.of(), "--demo", "ask", "--continue", "answer slowly please");
        t3.awaitOutput("slowly", WAIT_MILLIS);
        client.destroyForcibly();
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int next = t3.run("--demo", "ask", "--continue", "and now?");

        assertThat(next).as(t3.err()).isZero();
        assertThat(t3.out()).startsWith("Echo(5): and now?");
        assertThat(t3.err()).doesNotContain("in use");
    }

    @Test
    void exits130OnCtrlC_keepingWhatArrived_asARunOfItsOwnDoes() throws Exception {
        Path home = folder("home");
        LauncherT3 t3 = warm(home, Map.of());
        assertThat(t3.run("--demo", "conversations", "list")).isZero();

        Process client = t3.start(Map.of(), "--demo", "ask", "answer slowly please");
        t3.awaitOutput("slowly", WAIT_MILLIS);
        new ProcessBuilder("kill", "-INT", Long.toString(client.pid())).start().waitFor(10, TimeUnit.SECONDS);
        LauncherT3.Result interrupted = t3.finish(client);
        assertThat(t3.run("--demo", "conversations", "list")).isZero();

        assertThat(interrupted.code()).as(interrupted.err()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(interrupted.out()).startsWith("Echo(1): answer slowly").doesNotContain("partial reply kept.");
        assertThat(interrupted.err()).contains("cancelled");
        assertThat(t3.out()).contains("2 msgs");
    }

    @Test
    void endsWithSigterm_keepingWhatArrived_asARunOfItsOwnDoes() throws Exception {
        LauncherT3 t3 = warm(folder("home"), Map.of());
        assertThat(t3.run("--demo", "conversations", "list")).isZero();

        Process client = t3.start(Map.of(), "--demo", "ask", "answer slowly please");
        t3.awaitOutput("slowly", WAIT_MILLIS);
        client.destroy();
        LauncherT3.Result terminated = t3.finish(client);
        assertThat(t3.run("--demo", "conversations", "list")).isZero();

        assertThat(terminated.code()).isEqualTo(143);
        assertThat(terminated.out()).startsWith("Echo(1): answer slowly");
        assertThat(t3.out()).contains("2 msgs");
    }

    @Test
    void saysSo_andExits1_whenTheWarmProcessDiesInTheMiddleOfARun() throws Exception {
        LauncherT3 t3 = closeLater(new LauncherT3(folder("home"), Map.of(), true));
        assertThat(t3.run("--demo", "conversations", "list")).isZero();
        long pid = WarmControl.pid(t3.control().status().orElseThrow()).orElseThrow();

        Process client = t3.start(Map.of(), "--demo", "ask", "answer slowly please");
        t3.awaitOutput("slowly", WAIT_MILLIS);
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        LauncherT3.Result lost = t3.finish(client);

        assertThat(lost.code()).isEqualTo(ExitCode.INTERNAL);
        assertThat(lost.out()).startsWith("Echo(1): answer slowly");
        assertThat(lost.err()).contains("the warm process ended during this run").doesNotContain("Exception");
        t3.expectStopped();
    }

    @Test
    void isShownStartedAndStoppedByTheDaemonCommand() throws Exception {
        LauncherT3 t3 = closeLater(new LauncherT3(folder("home"), Map.of(), true));
        t3.skipStart();

        LauncherT3.Result before = t3.launch(Map.of(), "", "daemon", "status");
        LauncherT3.Result started = t3.launch(Map.of(), "", "daemon", "start");
        LauncherT3.Result running = t3.launch(Map.of(), "", "daemon", "status");
        LauncherT3.Result stopped = t3.launch(Map.of(), "", "daemon", "stop");
        LauncherT3.Result after = t3.launch(Map.of(), "", "daemon", "status");
        LauncherT3.Result off = t3.launch(Map.of("T3_DAEMON", "off"), "", "daemon");

        assertThat(before.out()).contains("not running; the next command (or t3 daemon start) starts it.");
        assertThat(started.code()).as(started.err()).isZero();
        assertThat(started.out()).startsWith("Started t3's warm process.").contains("  pid: ", "  socket: ");
        assertThat(running.out()).startsWith("t3's warm process is running.").contains("runs served: 0");
        assertThat(stopped.out()).startsWith("Stopped t3's warm process.");
        assertThat(after.out()).contains("not running");
        assertThat(off.out()).contains("T3_DAEMON is off");
        t3.expectHandedOver(0);
    }

    @Test
    void servesTwentyRunsStartedAtOnce_startingOneWarmProcessForThem() throws Exception {
        Path home = folder("home");
        LauncherT3 t3 = closeLater(new LauncherT3(home, Map.of(), true));
        t3.skipStart();

        List<Process> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(t3.startSeparately(Map.of(), "--demo", "ask", "first " + i));
        }
        List<LauncherT3.Result> firstResults = new ArrayList<>();
        for (Process process : first) {
            firstResults.add(t3.finishSeparately(process));
        }
        String status = t3.awaitRunning(WAIT_MILLIS);
        long servedBefore = served(t3.control().status().orElseThrow());
        List<Process> second = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            second.add(t3.startSeparately(Map.of(), "--demo", "ask", "second " + i));
        }
        List<LauncherT3.Result> secondResults = new ArrayList<>();
        for (Process process : second) {
            secondResults.add(t3.finishSeparately(process));
        }

        for (int i = 0; i < 20; i++) {
            assertThat(firstResults.get(i).code()).as(firstResults.get(i).err()).isZero();
            assertThat(firstResults.get(i).out()).isEqualTo("Echo(1): first " + i + "\n");
            assertThat(secondResults.get(i).code()).as(secondResults.get(i).err()).isZero();
            assertThat(secondResults.get(i).out()).isEqualTo("Echo(1): second " + i + "\n");
        }
        // A process started in the race finds the first serving, and exits.
        List<Long> serving = warmProcessesOf(t3);
        for (long deadline = System.currentTimeMillis() + WAIT_MILLIS;
                serving.size() > 1 && System.currentTimeMillis() < deadline; serving = warmProcessesOf(t3)) {
            Thread.sleep(100);
        }
        assertThat(serving).hasSize(1).contains(WarmControl.pid(status).orElseThrow());
        long servedAfter = served(t3.control().status().orElseThrow());
        assertThat(servedAfter - servedBefore).as("the second twenty were all served warm").isEqualTo(20);
        t3.expectHandedOver((int) servedAfter);
    }

    private static long served(String status) {
        return Long.parseLong(line(status, "runs served: ").substring("runs served: ".length()).strip());
    }

    /** The process ids of the warm processes serving {@code t3}'s home folder. */
    private static List<Long> warmProcessesOf(LauncherT3 t3) {
        String folder = t3.place().folder().toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(List::of).orElse(List.of())
                .contains(folder)).map(ProcessHandle::pid).toList();
    }

    @Test
    void replacesAStaleSocket_leftByAWarmProcessThatWasKilled() throws Exception {
        Path home = folder("home");
        LauncherT3 t3 = closeLater(new LauncherT3(home, Map.of(), true));
        assertThat(t3.run("--demo", "ask", "one")).isZero();
        long killed = WarmControl.pid(t3.control().status().orElseThrow()).orElseThrow();
        ProcessHandle process = ProcessHandle.of(killed).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        assertThat(t3.place().socket()).exists();

        LauncherT3.Result cold = t3.launch(Map.of(), "", "--demo", "ask", "two");
        String status = t3.awaitRunning(WAIT_MILLIS);
        LauncherT3.Result warm = t3.launch(Map.of(), "", "--demo", "ask", "three");

        assertThat(cold.code()).as(cold.err()).isZero();
        assertThat(cold.out()).isEqualTo("Echo(1): two\n");
        assertThat(WarmControl.pid(status)).isPresent().get().isNotEqualTo(killed);
        assertThat(warm.out()).isEqualTo("Echo(1): three\n");
        t3.expectHandedOver(1);
    }

    @Test
    void stopsWhenItsJarIsReplaced_andTheRunsOfTheNewJarGoCold() throws Exception {
        Path install = folder("install");
        for (String file : List.of("t3", "t3.jar", "t3.jsa", "t3.jsa.release")) {
            if (Files.exists(LauncherT3.TARGET.resolve(file))) {
                Files.copy(LauncherT3.TARGET.resolve(file), install.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        LauncherT3 t3 = closeLater(new LauncherT3(install.resolve("t3"), folder("home"), Map.of(), true));
        assertThat(t3.run("--demo", "ask", "old build")).isZero();
        long old = WarmControl.pid(t3.control().status().orElseThrow()).orElseThrow();

        Path replacement = install.resolve("t3.jar.new");
        Files.copy(LauncherT3.JAR, replacement);
        Files.move(replacement, install.resolve("t3.jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        LauncherT3.Result afterReplace = t3.launch(Map.of(), "", "--demo", "ask", "new build");
        ProcessHandle.of(old).ifPresent(p -> p.onExit().join());
        String status = t3.awaitRunning(WAIT_MILLIS);
        LauncherT3.Result warmAgain = t3.launch(Map.of(), "", "--demo", "ask", "warm again");

        assertThat(afterReplace.code()).as(afterReplace.err()).isZero();
        assertThat(afterReplace.out()).isEqualTo("Echo(1): new build\n");
        assertThat(WarmControl.pid(status)).isPresent().get().isNotEqualTo(old);
        assertThat(warmAgain.out()).isEqualTo("Echo(1): warm again\n");
        t3.expectHandedOver(1);
    }

    @Test
    void keepsNoSecretInItsFilesPathsArgumentsOrEnvironment_inAFolderOnlyItsUserCanEnter() throws Exception {
        FakeT3Server server = closeLater(FakeT3Server.start());
        Path home = folder("home");
        LauncherT3 t3 = warm(home, signedIn(server, SECRET));
        assertThat(t3.run("ask", "hello")).as(t3.err()).isZero();
        assertThat(t3.run("config")).isZero();
        WarmPlace place = t3.place();
        long pid = WarmControl.pid(t3.control().status().orElseThrow()).orElseThrow();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(place.folder()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(place.folder().getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(place.socket(),
                LinkOption.NOFOLLOW_LINKS))).isEqualTo("rw-------");
        assertThat(place.socket().toString()).doesNotContain(SECRET);
        try (Stream<Path> files = Files.walk(place.folder())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(SECRET);
            }
        }
        assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1))
                .doesNotContain(SECRET).doesNotContain("COOKIES");
        assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "environ"), StandardCharsets.ISO_8859_1))
                .doesNotContain(SECRET).doesNotContain("COOKIES").doesNotContain("HOME=");
    }

    @Test
    void endsRunThreadsWithTheirRuns() throws Exception {
        FakeT3Server server = closeLater(FakeT3Server.start());
        LauncherT3 t3 = warm(folder("home"), signedIn(server, "threads"));
        assertThat(t3.run("ask", "first")).isZero();
        String before = t3.awaitIdleThreads(WAIT_MILLIS);

        for (int i = 0; i < 15; i++) {
            assertThat(t3.run("ask", "run " + i)).as(t3.err()).isZero();
        }
        String after = t3.awaitIdleThreads(WAIT_MILLIS);

        assertThat(threads(after)).isLessThanOrEqualTo(threads(before) + 2);
        assertThat(after).contains("connection pools: 1\n");
    }

    private static int threads(String status) {
        return Integer.parseInt(line(status, "threads: ").substring("threads: ".length()).split(" ")[0]);
    }

    @Test
    void runsTheRunsCurl_foundOnItsPathAndFromItsFolder_neverTheWarmProcesss() throws Exception {
        Optional<Path> curl = Stream.of("/usr/bin/curl", "/bin/curl").map(Path::of).filter(Files::isExecutable)
                .findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(curl.isPresent(), "no curl on this machine");
        FakeT3Server server = closeLater(FakeT3Server.start());
        Path home = folder("home");
        Path work = Files.createDirectories(temp.resolve("work/bin"));
        Path marker = temp.resolve("curl-ran-in.txt");
        Path wrapper = work.resolve("t3-test-curl");
        Files.writeString(wrapper, "#!/bin/sh\npwd >> '" + marker + "'\nexec " + curl.get() + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        LauncherT3 t3 = warm(home, signedIn(server, "curl")).in(work.getParent());

        int relative = t3.run("--transport", "curl", "--curl", "./bin/t3-test-curl", "ask", "from the folder");
        int onPath = t3.run(Map.of("PATH", work + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin")),
                "--transport", "curl", "--curl", "t3-test-curl", "ask", "from the path");
        int missing = t3.run("--transport", "curl", "--curl", "t3-test-curl", "ask", "not on the path");

        assertThat(relative).as(t3.err()).isZero();
        assertThat(onPath).as(t3.err()).isZero();
        assertThat(missing).isEqualTo(ExitCode.USAGE);
        assertThat(Files.readAllLines(marker)).isNotEmpty().containsOnly(work.getParent().toRealPath().toString());
        assertThat(server.requests("/api/chat")).hasSize(2);
    }

    @Test
    void exitsAfterItsIdleTime() throws Exception {
        LauncherT3 t3 = warm(folder("home"), Map.of("T3_DAEMON_IDLE", "1s"));
        assertThat(t3.run("--demo", "ask", "hello")).isZero();
        long pid = WarmControl.pid(t3.control().status().orElseThrow()).orElseThrow();

        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        process.ifPresent(p -> p.onExit().join());

        assertThat(t3.control().status()).isEmpty();
        t3.expectStopped();
    }

    @Test
    void startsNoWarmProcess_whenTurnedOffInTheConfigFile() throws Exception {
        Path home = folder("home");
        Path config = Files.createDirectories(home.resolve(".config/t3chat4j")).resolve("config.properties");
        Files.writeString(config, "T3_DAEMON=off\n");
        LauncherT3 t3 = closeLater(new LauncherT3(home, Map.of(), true));
        t3.skipStart();

        assertThat(t3.launch(Map.of("T3_DAEMON", ""), "", "--demo", "ask", "hello").out()).isEqualTo("Echo(1): hello\n");

        assertThat(t3.place().folder()).doesNotExist();
        t3.expectHandedOver(0);
    }
}
