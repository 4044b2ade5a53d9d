package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.testkit.FakeImageHost;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.ReplyStreams;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher ({@code target/t3}) with a 64 MB heap: a reply stream of more than 20 MB and a
 * 50 MB image go through it, because both are streamed (the answer to standard output as it comes, the
 * image to its file), never held whole.
 */
class LowMemoryIT {

    private static final Path LAUNCHER = Path.of("target", "t3");

    @TempDir
    Path home;

    private record Result(int code, String out, String err) {
    }

    private Result t3(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("T3_JAVA_OPTS", "-Xmx64m");
        builder.environment().put("COOKIES", "wos-session=x");
        builder.environment().put("CONVEX_SESSION_ID", "c");
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void streamsAReplyOfMoreThanTwentyMegabytes_withASixtyFourMegabyteHeap() throws Exception {
        List<String> deltas = ReplyStreams.deltas(3, 1_900_000);
        byte[] stream = ReplyStreams.uiMessageStream(deltas);
        String text = ReplyStreams.text(deltas);
        try (FakeT3Server server = FakeT3Server.start()) {
            server.defaultChat(Scenarios.recorded(stream));

            Result result = t3("--base-url", server.baseUrl().toString(), "ask", "a long one");

            assertThat(stream.length).isGreaterThan(20_000_000);
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).isEqualTo(text.endsWith("\n") ? text : text + "\n");
        }
    }

    @Test
    void savesAFiftyMegabyteImage_withASixtyFourMegabyteHeap() throws Exception {
        byte[] image = new byte[50 * 1024 * 1024];
        System.arraycopy(Scenarios.TINY_PNG, 0, image, 0, Scenarios.TINY_PNG.length);
        for (int i = Scenarios.TINY_PNG.length; i < image.length; i++) {
            image[i] = (byte) (i * 31);
        }
        Path target = home.resolve("big.png");
        try (FakeImageHost images = FakeImageHost.start(); FakeT3Server server = FakeT3Server.start()) {
            images.serve("/big.png", "image/png", image, true);
            server.defaultChat(Scenarios.imageAt(images.url("/big.png")));

            Result result = t3("--base-url", server.baseUrl().toString(), "ask", "--model", "gpt-image-1",
                    "--save-image", target.toString(), "a big picture");

            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).contains(target.toString());
        }
        assertThat(Files.size(target)).isEqualTo(image.length);
        try (InputStream saved = Files.newInputStream(target)) {
            assertThat(saved.readNBytes(image.length)).isEqualTo(image);
        }
    }
}
