package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged {@code t3 --demo chat} in a real pseudo-terminal (a detached tmux session of 100×40),
 * types into it, and reads the screen back with {@code tmux capture-pane}; and the launcher's one-shot
 * commands there, served cold and by a warm process. Skipped, saying why, only when tmux is not installed
 * ({@code .ci/run} installs it).
 */
class ChatInTerminalIT {

    private static final Path JAR = Path.of("target", "t3.jar");
    private static final long WAIT_SECONDS = 60;

    /**
     * A tmux server of this test's own: the next test's must not start on the socket of one that
     * {@code kill-server} is still taking down ("server exited unexpectedly" under load).
     */
    private final String socket = "t3-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private Path home;

    @BeforeEach
    void tmuxIsThere() throws Exception {
        assumeTrue(tmux("-V").code() == 0, "tmux is not installed, so t3 chat cannot be run in a pseudo-terminal");
        home = Files.createTempDirectory("t3-pty-it");
    }

    @AfterEach
    void stopTmux() throws Exception {
        tmux("-L", socket, "kill-server");
    }

    @Test
    void rendersAMarkdownReplyOnTheScreen_andSaysWhyCopyCannotWork() throws Exception {
        start("--demo", "chat");
        String greeting = waitForScreen(screen -> screen.contains("t3 chat with"));
        assertThat(greeting).contains("/help lists commands");

        type("show me markdown");
        String screen = waitForScreen(s -> s.contains("Type /copy code in t3 chat"));

        List<String> rows = screen.lines().map(String::stripTrailing).toList();
        assertThat(rows).contains("## Code", "╭─ java", "│ public final class Hello {", "╰─", "## Lists",
                "1. Numbered items", "   ◦ one", "│ A block quote, for asides.",
                "│ Language │ Typing  │ Since │", "│ Python   │ dynamic │  1991 │");
        assertThat(screen).doesNotContain("```", "**", "| Java");
        assertThat(screen.lines().filter(line -> line.startsWith("## Code")).count()).isEqualTo(1);
        String coloured = capture(true);
        assertThat(coloured).contains("\u001b[35mpublic", "\u001b[32m\"Hello, \"");

        type("/copy code");
        assertThat(waitForScreen(s -> s.contains("cannot copy"))).contains("T3_CLIPBOARD=true");
    }

    @Test
    void searchesTheStoredConversations_andResumesAHit() throws Exception {
        start("--demo", "chat", "--no-render");
        waitForScreen(screen -> screen.contains("t3 chat with"));
        type("where do kestrels nest");
        waitForScreen(s -> s.contains("Echo(1): where do kestrels nest"));
        type("/new");
        waitForScreen(s -> s.contains("New conversation."));

        type("/search KESTREL*");
        String screen = waitForScreen(s -> s.contains("conversation matches"));

        assertThat(screen).contains("you: where do kestrels nest", "1 conversation matches. /resume ID continues one.");
        assertThat(capture(true)).contains("\u001b[33mkestrels\u001b[0m");
        String id = screen.lines().filter(l -> l.matches("[0-9a-f-]{36}  .*")).findFirst().orElseThrow()
                .substring(0, 36);
        type("/resume " + id);
        assertThat(waitForScreen(s -> s.contains("Resumed " + id))).contains("(2 messages)");
        type("/search on");
        assertThat(waitForScreen(s -> s.contains("web search: on"))).isNotNull();
    }

    @Test
    void printsTheMarkdownSource_withNoRender() throws Exception {
        start("--demo", "chat", "--no-render");
        waitForScreen(screen -> screen.contains("t3 chat with"));

        type("show me markdown");
        String screen = waitForScreen(s -> s.contains("Type `/copy code` in `t3 chat`"));

        assertThat(screen).contains("```java", "| Java     | static  |  1995 |").doesNotContain("╭─");
    }

    @Test
    void helpOnATerminal_isColoured_asOnAPipeItIsNot() throws Exception {
        startAndStay("conversations", "search", "-h");

        String screen = waitForScreen(s -> s.contains("t3 ask --conversation ID."));

        assertThat(screen).startsWith("Usage: t3 conversations search ").contains("-n, --limit=N", "Examples:");
        assertThat(capture(true)).contains("\u001b[1mt3 conversations search\u001b[0m", "\u001b[33m-h\u001b[39m");
    }

    @Test
    void theLauncherDrawsTheSameScreens_servedColdAndByAWarmProcess() throws Exception {
        List<String> cold = screensOfTheLauncher(false);
        List<String> warm = screensOfTheLauncher(true);

        assertThat(cold.get(0)).contains("╭─ \u001b[1mjava", "\u001b[35mpublic", "[exit 0]").doesNotContain("```");
        assertThat(cold.get(1)).contains("\u001b[1m\u001b[33mmarkdown", "1 conversation matches.", "[exit 0]");
        assertThat(warm).containsExactlyElementsOf(cold);
    }

    /**
     * The screens, escapes included, of {@code t3 --demo ask "show me markdown"} and a search for it, run by
     * the launcher on a terminal tall enough for the whole reply, in a world of their own (home folder, runtime folder); warm: every run
     * served by the world's warm process. What differs between worlds by nature (folders, ids, times) is
     * named alike.
     */
    private List<String> screensOfTheLauncher(boolean warm) throws Exception {
        Path world = Files.createDirectories(home.resolve(warm ? "warm" : "cold"));
        List<List<String>> runs = List.of(List.of("--demo", "ask", "show me markdown"),
                List.of("--demo", "conversations", "search", "markdown"));
        List<String> screens = new ArrayList<>();
        try (LauncherT3 t3 = new LauncherT3(world, Map.of(), warm)) {
            if (warm) {
                assertThat(t3.launch(Map.of(), "", "daemon", "status").out()).contains("runs served: 0");
            }
            for (List<String> args : runs) {
                String session = (warm ? "warm-" : "cold-") + screens.size();
                StringBuilder command = new StringBuilder("env -i TERM=xterm-256color");
                t3.env().forEach((name, value) -> command.append(' ').append(name).append('=').append(quoted(value)));
                command.append(' ').append(quoted(LauncherT3.LAUNCHER.toString()));
                args.forEach(arg -> command.append(' ').append(quoted(arg)));
                // The pane stays open once t3 has exited, so its screen can be read.
                command.append("; echo \"[exit $?]\"; exec sleep 600");
                Result started = tmux("-L", socket, "-u", "new-session", "-d", "-s", session, "-x", "100", "-y", "70",
                        "-c", world.toString(), command.toString());
                assertThat(started.code()).as(started.output()).isZero();
                waitForScreen(session, screen -> screen.contains("[exit "));
                screens.add(neutral(capture(session, true), world));
            }
            if (warm) {
                t3.expectHandedOver(runs.size());
            }
        }
        return screens;
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static String neutral(String screen, Path world) {
        return screen.replace(world.toString(), "<world>")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?Z?)?", "<time>");
    }

    private void start(String... args) throws Exception {
        startThen("", args);
    }

    /** Runs {@code t3 args}, then keeps the pane open so that the screen of a command that ends can be read. */
    private void startAndStay(String... args) throws Exception {
        startThen("; sleep 600", args);
    }

    private void startThen(String after, String... args) throws Exception {
        assertThat(JAR).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder command = new StringBuilder("env -u NO_COLOR -u COLUMNS -u LINES")
                .append(" LANG=C.UTF-8 LC_ALL=C.UTF-8")
                .append(" XDG_DATA_HOME=").append(home)
                .append(" XDG_CONFIG_HOME=").append(home.resolve("config"))
                .append(" XDG_STATE_HOME=").append(home.resolve("state"))
                .append(" XDG_CACHE_HOME=").append(home.resolve("cache"))
                .append(' ').append(java).append(" -jar ").append(JAR.toAbsolutePath());
        for (String arg : args) {
            command.append(' ').append(arg);
        }
        command.append(after);
        Result started = tmux("-L", socket, "-u", "new-session", "-d", "-s", "t3", "-x", "100", "-y", "40",
                command.toString());
        assertThat(started.code()).as(started.output()).isZero();
    }

    private void type(String text) throws Exception {
        tmux("-L", socket, "send-keys", "-t", "t3", "-l", text);
        tmux("-L", socket, "send-keys", "-t", "t3", "Enter");
    }

    private String capture(boolean withEscapes) throws Exception {
        return capture("t3", withEscapes);
    }

    private String capture(String session, boolean withEscapes) throws Exception {
        List<String> args = new ArrayList<>(List.of("-L", socket, "capture-pane", "-p", "-J", "-S", "-200", "-t", session));
        if (withEscapes) {
            args.add("-e");
        }
        return tmux(args.toArray(String[]::new)).output();
    }

    /** The screen once {@code ready} holds (the reply streams in over about a second), or a failure with the screen. */
    private String waitForScreen(Predicate<String> ready) throws Exception {
        return waitForScreen("t3", ready);
    }

    private String waitForScreen(String session, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        String screen = capture(session, false);
        while (!ready.test(screen) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            screen = capture(session, false);
        }
        assertThat(ready.test(screen)).as("the screen:%n%s", screen).isTrue();
        // One more look after a pause, so a reply that is still being redrawn has settled.
        Thread.sleep(300);
        return capture(session, false);
    }

    private record Result(int code, String output) {
    }

    private static Result tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("tmux");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return new Result(127, notInstalled.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
