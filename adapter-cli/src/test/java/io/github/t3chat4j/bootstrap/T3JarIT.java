package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starts the packaged {@code adapter-cli/target/t3.jar} as a process, as a user would. */
class T3JarIT {

    private static final Path JAR = Path.of("target", "t3.jar");

    private static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return runWithInput(env, "", args);
    }

    private static Result runWithInput(Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        assertThat(JAR).exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().remove("COOKIES");
        builder.environment().remove("CONVEX_SESSION_ID");
        Path home = Files.createTempDirectory("t3-jar-it");
        builder.environment().put("XDG_DATA_HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
    }

    @Test
    void demoModePrintsAStreamedEcho() throws Exception {
        Result result = run(Map.of(), "--demo", "ask", "Hello from the jar");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Echo(1): Hello from the jar\n");
    }

    @Test
    void talksToAServerAtBaseUrl_withRealCredentialsFromEnvironment() throws Exception {
        try (FakeT3Server server = FakeT3Server.start()) {
            Result result = run(Map.of("COOKIES", "wos-session=SECRET-JAR", "CONVEX_SESSION_ID", "cvx"),
                    "--base-url", server.baseUrl().toString(), "ask", "héllo 🌍 世界");

            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).isEqualTo("Echo(1): héllo 🌍 世界\n");
            assertThat(server.lastRequest("/api/chat").orElseThrow().cookie("wos-session")).isPresent();
        }
    }

    @Test
    void printsTheReply_whenEmojiAndCjkBytesAreSplitAcrossTcpWrites() throws Exception {
        try (FakeT3Server server = FakeT3Server.start()) {
            server.defaultChat(Scenarios.splitUtf8());

            Result result = run(Map.of("COOKIES", "wos-session=x", "CONVEX_SESSION_ID", "cvx"),
                    "--base-url", server.baseUrl().toString(), "ask", "hi");

            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).isEqualTo(Scenarios.SPLIT_UTF8_TEXT + "\n");
        }
    }

    @Test
    void exitsWithAuthCode_andNoStackTrace_withoutCredentials() throws Exception {
        Result result = run(Map.of("T3_BASE_URL", "http://127.0.0.1:9"), "ask", "hi");

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).contains("developer tools").doesNotContain("Exception");
    }

    @Test
    void helpAndUsageErrorsOnAPipe_carryNoEscapeSequences_evenWhenTheEnvironmentForcesColour() throws Exception {
        Map<String, String> forced = Map.of("CLICOLOR_FORCE", "1", "TERM", "xterm-256color");

        Result help = run(forced, "conversations", "list", "--help");
        Result mistake = run(forced, "conversations", "list", "--bogus");

        assertThat(help.code()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: t3 conversations list").contains("Examples:")
                .doesNotContain("\u001b");
        assertThat(help.err()).isEmpty();
        assertThat(mistake.code()).isEqualTo(2);
        assertThat(mistake.err()).contains("Unknown option: '--bogus'").doesNotContain("\u001b");
    }

    @Test
    void printsVersion() throws Exception {
        Result result = run(Map.of(), "--version");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("t3chat4j").contains("0.1.0");
        assertThat(Files.size(JAR)).isPositive();
    }

    @Test
    void chatsOverPipedInput_withoutATerminalWarning() throws Exception {
        Result result = runWithInput(Map.of("HOME", Files.createTempDirectory("t3-jar-home").toString()), "hello\n",
                "--demo", "chat");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("Echo(1): hello");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void storesTheJarsEntriesUncompressed_soClassesNeedNoInflating() throws IOException {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(JAR.toFile())) {
            assertThat(jar.stream().filter(e -> !e.isDirectory()).map(java.util.zip.ZipEntry::getMethod).distinct())
                    .containsExactly(java.util.zip.ZipEntry.STORED);
        }
    }

    @Test
    void launcherMapsTheClassesFromTheArchiveBuiltWithTheJar() throws Exception {
        Path log = Files.createTempDirectory("t3-cds").resolve("classes.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of("target", "t3").toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("T3_JAVA_OPTS", "-Xlog:class+load:file=" + log);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("t3chat4j");
        assertThat(Files.readAllLines(log)).filteredOn(line -> line.contains("io.github.t3chat4j.bootstrap.Main "))
                .singleElement().asString().contains("shared objects file");
    }

    @Test
    void exits130OnCtrlC_keepingWhatArrivedAsAnIncompleteReply() throws Exception {
        Path home = Files.createTempDirectory("t3-jar-ctrl-c");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--demo", "ask", "answer slowly please")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        Process process = builder.start();
        java.io.InputStream stdout = process.getInputStream();
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains("slowly")) {
            int b = stdout.read();
            assertThat(b).as("output before Ctrl-C").isNotNegative();
            seen.append((char) b);
        }

        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
        seen.append(new String(stdout.readAllBytes(), StandardCharsets.UTF_8));
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(err).isEqualTo(130);
        assertThat(seen.toString()).startsWith("Echo(1): answer slowly").doesNotContain("see the partial reply kept.");
        assertThat(err).contains("cancelled");
        Result list = run(Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString()),
                "--demo", "conversations", "list");
        assertThat(list.out()).contains("2 msgs");
    }
}
