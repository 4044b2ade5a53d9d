package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code t3 ask --continue} processes at once against one conversation: each waits its turn for
 * the conversation's lock and sends the history including every earlier exchange, so none is lost.
 */
class ConcurrentContinueIT {

    private static final Path JAR = Path.of("target", "t3.jar");
    private static final int RUNS = 6;

    @TempDir
    Path home;

    private ProcessBuilder t3(FakeT3Server server, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        // The address for every command, local ones too (which take no --base-url).
        builder.environment().put("T3_BASE_URL", server.baseUrl().toString());
        builder.environment().put("COOKIES", "wos-session=concurrent; convex-session-id=cvx");
        builder.environment().remove("CONVEX_SESSION_ID");
        // Standard input is empty (not a terminal): t3 reads it to its end before sending.
        return builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }

    private static String output(Process process) throws IOException, InterruptedException {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return out;
    }

    @Test
    void concurrentContinuesTakeTurns_andLoseNoExchange() throws Exception {
        assertThat(JAR).exists();
        try (FakeT3Server server = FakeT3Server.start()) {
            // Replies take a while (word by word), so the runs overlap unless they take turns.
            server.defaultChat(Scenarios.demo(URI.create("http://127.0.0.1:9/unused.png"), 60));
            assertThat(output(t3(server, "ask", "seed").start())).isEqualTo("Echo(1): seed\n");

            List<Process> runs = new ArrayList<>();
            for (int i = 1; i <= RUNS; i++) {
                runs.add(t3(server, "ask", "--continue", "slowly " + i).start());
            }
            List<Integer> counts = new ArrayList<>();
            Pattern echo = Pattern.compile("^Echo\\((\\d+)\\): slowly \\d+ ");
            for (Process run : runs) {
                Matcher matcher = echo.matcher(output(run));
                assertThat(matcher.find()).isTrue();
                counts.add(Integer.parseInt(matcher.group(1)));
            }

            // Each send saw every exchange before it: the histories sent were 3, 5, 7, … messages long.
            assertThat(counts).containsExactlyInAnyOrder(3, 5, 7, 9, 11, 13);
            String list = output(t3(server, "conversations", "list").start());
            assertThat(list.lines()).hasSize(1).first().asString().contains((2 + 2 * RUNS) + " msgs");
        }
        assertThat(Files.list(home.resolve("data/t3chat4j/conversations")).filter(p -> p.toString().endsWith(".tmp")))
                .isEmpty();
    }
}
