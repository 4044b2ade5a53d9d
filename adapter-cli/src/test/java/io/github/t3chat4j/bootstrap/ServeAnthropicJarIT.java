package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code t3 --demo serve} answering Anthropic's Messages API as a user runs it, the packaged jar as a
 * process: the banner says how to point Claude Code at it, the key works as {@code x-api-key}, and the
 * model rules of {@code T3_ANTHROPIC_MODELS} and {@code --anthropic-model} (the flag winning) decide which
 * t3.chat model answers; a malformed rule is a usage error.
 */
class ServeAnthropicJarIT {

    private static final Path JAR = Path.of("target", "t3.jar");

    private static ProcessBuilder serve(Path home, Map<String, String> environment, String... extra) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString(), "--demo", "serve", "--port", "0"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("COOKIES");
        builder.environment().remove("T3_GATEWAY_KEY");
        builder.environment().remove("T3_ANTHROPIC_MODELS");
        for (String xdg : List.of("DATA", "CONFIG", "CACHE", "STATE")) {
            builder.environment().put("XDG_" + xdg + "_HOME", home.resolve(xdg.toLowerCase()).toString());
        }
        builder.environment().putAll(environment);
        builder.redirectError(home.resolve("stderr.txt").toFile());
        return builder;
    }

    @Test
    void answersClaudeIds_withTheModelTheRulesName_theFlagWinning() throws Exception {
        Path home = Files.createTempDirectory("t3-serve-anthropic-it");
        Process process = serve(home, Map.of("T3_ANTHROPIC_MODELS", "claude-opus*=gemini-2.5-flash, claude-3*=gpt-4o"),
                "--anthropic-model", "claude-3*=gemini-2.5-flash-lite").start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> banner = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("Requests are logged")) {
                banner.add(line);
            }
            String base = banner.stream().filter(l -> l.strip().startsWith("Base URL:")).findFirst().orElseThrow()
                    .strip().substring("Base URL:".length()).strip();
            String key = banner.stream().filter(l -> l.strip().startsWith("API key:")).findFirst().orElseThrow()
                    .strip().substring("API key:".length()).strip().split("\\s+")[0];
            assertThat(banner).anyMatch(l -> l.contains("ANTHROPIC_BASE_URL=" + base.replaceFirst("/v1$", "")));
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> opus = http.send(message(base, key, "claude-opus-4-1"), HttpResponse.BodyHandlers
                    .ofString());
            HttpResponse<String> haiku = http.send(message(base, key, "claude-3-5-haiku-latest"),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(opus.statusCode()).isEqualTo(200);
            assertThat(opus.body()).contains("\"type\":\"message\"").contains("\"model\":\"gemini-2.5-flash\"")
                    .contains("Echo(1): hello");
            assertThat(haiku.body()).contains("\"model\":\"gemini-2.5-flash-lite\"");
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(home.resolve("stderr.txt")))
                    .contains("POST /v1/messages 200 claude-opus-4-1 as gemini-2.5-flash").doesNotContain(key);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void refusesAMalformedModelRule_asAUsageError() throws Exception {
        Path home = Files.createTempDirectory("t3-serve-anthropic-it");
        Process process = serve(home, Map.of(), "--anthropic-model", "claude-opus").redirectOutput(
                ProcessBuilder.Redirect.DISCARD).start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(home.resolve("stderr.txt"))).contains("FROM=TO").contains("claude-opus");
    }

    private static HttpRequest message(String base, String key, String model) throws IOException {
        return HttpRequest.newBuilder(URI.create(base + "/messages")).header("x-api-key", key)
                .header("anthropic-version", "2023-06-01").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"max_tokens\":64,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")).build();
    }
}
