package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code t3 --demo serve} as a user runs it: the packaged jar as a process, stopped with Ctrl-C (SIGINT). */
class ServeJarIT {

    private static final Path JAR = Path.of("target", "t3.jar");

    private record Served(Process process, URI baseUrl, String key, List<String> banner) {
    }

    private static Served start(Path home, String... extra) throws IOException {
        return start(home, List.of("--demo"), Map.of(), extra);
    }

    /** {@code t3 <before> serve --port 0 <extra>} with {@code environment} added. */
    private static Served start(Path home, List<String> before, Map<String, String> environment, String... extra)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(before);
        command.addAll(List.of("serve", "--port", "0"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("COOKIES");
        builder.environment().putAll(environment);
        builder.environment().remove("T3_GATEWAY_KEY");
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        builder.redirectError(home.resolve("stderr.txt").toFile());
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> banner = new ArrayList<>();
        URI base = null;
        String key = null;
        String line;
        while ((line = out.readLine()) != null) {
            banner.add(line);
            if (line.strip().startsWith("Base URL:")) {
                base = URI.create(line.strip().substring("Base URL:".length()).strip());
            }
            if (line.strip().startsWith("API key:")) {
                key = line.strip().substring("API key:".length()).strip().split("\\s+")[0];
            }
            if (line.startsWith("Requests are logged")) {
                break;
            }
        }
        assertThat(base).as("banner %s", banner).isNotNull();
        return new Served(process, base, key, banner);
    }

    private static void interrupt(Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void servesTheDemoOffline_andStopsOnCtrlC_afterTheReplyInFlightFinished() throws Exception {
        assertThat(JAR).exists();
        Path home = Files.createTempDirectory("t3-serve-it");
        Served served = start(home, "--grace", "60");
        HttpClient http = HttpClient.newHttpClient();
        try {
            assertThat(served.key()).matches("[A-Za-z0-9_-]{43}");
            assertThat(served.banner()).anyMatch(l -> l.contains("made now and stored in"));
            HttpResponse<String> models = http.send(HttpRequest.newBuilder(URI.create(served.baseUrl() + "/models"))
                    .header("Authorization", "Bearer " + served.key()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(models.statusCode()).isEqualTo(200);
            assertThat(models.body()).contains("gemini-2.5-flash-lite");

            HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(
                    URI.create(served.baseUrl() + "/chat/completions"))
                    .header("Authorization", "Bearer " + served.key())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gemini-2.5-flash-lite\",\"stream\":true,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"answer slowly please\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            List<String> events = new ArrayList<>();
            try (Stream<String> lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))
                    .lines()) {
                Iterator<String> it = lines.filter(l -> l.startsWith("data: ")).iterator();
                while (it.hasNext()) {
                    String event = it.next();
                    events.add(event);
                    if (event.contains("Echo(1)")) {
                        interrupt(served.process());
                    }
                }
            }

            assertThat(events).last().isEqualTo("data: [DONE]");
            assertThat(String.join("", events)).contains("\"finish_reason\":\"stop\"").contains("Ctrl-C");
            assertThat(served.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(served.process().exitValue()).isEqualTo(130);
            String stderr = Files.readString(home.resolve("stderr.txt"));
            assertThat(stderr).contains("t3 serve: POST /v1/chat/completions 200").doesNotContain(served.key())
                    .doesNotContain("Exception");
            Path config = home.resolve("config").resolve("t3chat4j").resolve("config.properties");
            assertThat(Files.readString(config)).contains("T3_GATEWAY_KEY=" + served.key());
            assertThat(Files.getPosixFilePermissions(config))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            Files.createDirectories(home.resolve("data"));
            try (Stream<Path> data = Files.walk(home.resolve("data"))) {
                assertThat(data.filter(Files::isRegularFile).filter(p -> p.toString().contains("conversations")))
                        .as("the gateway keeps no conversation").isEmpty();
            }
        } finally {
            served.process().destroyForcibly();
        }

        Served again = start(home);
        try {
            assertThat(again.key()).isEqualTo(served.key());
            assertThat(again.banner()).anyMatch(l -> l.contains("(stored in"));
        } finally {
            interrupt(again.process());
            assertThat(again.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            again.process().destroyForcibly();
        }
    }

    @Test
    void answersOnlyTheNamesItWasToldOf_andLogsWhatAClientSentWithoutObeyingIt() throws Exception {
        Path home = Files.createTempDirectory("t3-serve-it");
        Served served = start(home, "--allow-host", "mybox.test");
        try {
            int port = served.baseUrl().getPort();
            String allowed = raw(port, "GET /v1/models HTTP/1.1\r\nHost: mybox.test:" + port + "\r\nAuthorization: Bearer "
                    + served.key() + "\r\nConnection: close\r\n\r\n");
            String rebound = raw(port, "GET /v1/models HTTP/1.1\r\nHost: attacker.example\r\nAuthorization: Bearer "
                    + served.key() + "\r\nConnection: close\r\n\r\n");
            String escapes = raw(port, "GET /v1/models/%1B%5D0;owned%07%1B%5B2J HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + served.key() + "\r\nConnection: close\r\n\r\n");

            assertThat(allowed).startsWith("HTTP/1.1 200").contains("gemini-2.5-flash-lite");
            assertThat(rebound).startsWith("HTTP/1.1 403").contains("host_not_allowed");
            // Jetty refuses control characters in a path before any handler; the log is made safe all the same.
            assertThat(escapes).startsWith("HTTP/1.1 400");
            interrupt(served.process());
            assertThat(served.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(home.resolve("stderr.txt"));
            assertThat(stderr).contains("t3 serve: GET /v1/models 403").doesNotContain("\u001b").doesNotContain("\u0007");
        } finally {
            served.process().destroyForcibly();
        }
    }

    private static String raw(int port, String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void refusesToListenBeyondLoopback_withAShortKey() throws Exception {
        Path home = Files.createTempDirectory("t3-serve-it");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--demo", "serve", "--host", "0.0.0.0", "--port", "0", "--api-key", "tinykey")
                .redirectError(home.resolve("stderr.txt").toFile()).redirectOutput(home.resolve("stdout.txt").toFile())
                .start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(home.resolve("stderr.txt"))).contains("at least 24 characters")
                .contains("--api-key shows the key to every user of this machine")
                .doesNotContain("Exception").doesNotContain("tinykey");
        assertThat(Set.of(Files.readString(home.resolve("stdout.txt")))).allMatch(String::isEmpty);
    }

    @Test
    void takesTheKeyFromAFile_keepingItOutOfTheListOfProcesses() throws Exception {
        Path home = Files.createTempDirectory("t3-serve-it");
        String key = "key-from-a-file-" + "x".repeat(30);
        Path keyFile = home.resolve("gateway.key");
        Files.writeString(keyFile, key + "\n");
        Files.setPosixFilePermissions(keyFile, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        Served served = start(home, "--api-key-file", keyFile.toString());
        try {
            assertThat(served.key()).isEqualTo(key);
            assertThat(served.banner()).anyMatch(l -> l.contains("(from --api-key-file " + keyFile + ")"));
            assertThat(served.process().info().arguments()).isPresent();
            assertThat(served.process().info().arguments().get()).noneMatch(argument -> argument.contains(key));
            HttpResponse<String> models = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(served.baseUrl() + "/models")).header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(models.statusCode()).isEqualTo(200);
            assertThat(home.resolve("config").resolve("t3chat4j").resolve("config.properties")).doesNotExist();
        } finally {
            interrupt(served.process());
            assertThat(served.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            served.process().destroyForcibly();
        }
        assertThat(Files.readString(home.resolve("stderr.txt"))).doesNotContain(key).doesNotContain("warning");
    }

    @Test
    void passesT3ChatsRateLimitStraightThrough_withItsRetryAfter_withoutRetryingIt() throws Exception {
        Path home = Files.createTempDirectory("t3-serve-it");
        try (FakeT3Server server = FakeT3Server.start()) {
            server.defaultChat(Scenarios.rateLimited(7));
            Served served = start(home, List.of("--base-url", server.baseUrl().toString()),
                    Map.of("COOKIES", "wos-session=serve-it", "CONVEX_SESSION_ID", "cvx-serve-it"));
            try {
                HttpResponse<String> limited = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(served.baseUrl() + "/chat/completions")).header("Authorization", "Bearer " + served.key())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gemini-2.5-flash\",\"messages\":"
                                + "[{\"role\":\"user\",\"content\":\"hi\"}]}")).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(limited.statusCode()).isEqualTo(429);
                assertThat(limited.headers().firstValue("retry-after")).hasValue("7");
                assertThat(server.requests("/api/chat")).hasSize(1);
            } finally {
                interrupt(served.process());
                assertThat(served.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
                served.process().destroyForcibly();
            }
        }
    }
}
