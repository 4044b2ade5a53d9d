package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an embedder sees of HttpClient's logging, in a JVM of its own (the test JVM has slf4j-nop): a
 * program without an SLF4J backend sees nothing on standard error, one with a backend gets the logs.
 */
class LoggingOfEmbeddersTest {

    @Test
    void writesNothingToStandardError_whenTheEmbedderHasNoLoggingBackend(@TempDir Path dir) throws Exception {
        Run run = runEmbedder(classPathWithoutSlf4jNop(), dir);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void passesHttpClientsLogsOn_whenTheEmbedderHasALoggingBackend(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("backend/META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, PrintingSlf4jProvider.class.getName() + "\n");
        List<String> classPath = new ArrayList<>(classPathWithoutSlf4jNop());
        classPath.add(dir.resolve("backend").toString());

        Run run = runEmbedder(classPath, dir);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).contains("[log] DEBUG org.apache.hc.client5.http");
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run runEmbedder(List<String> classPath, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), EmbedderMain.class.getName())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!child.waitFor(2, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("The embedder did not finish.");
        }
        return new Run(child.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The test class path (Surefire's, not its booter jar's) without the slf4j-nop backend. */
    private static List<String> classPathWithoutSlf4jNop() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !Path.of(entry).getFileName().toString().startsWith("slf4j-nop"))
                .collect(Collectors.toList());
        assertThat(entries).anyMatch(entry -> entry.contains("slf4j-api"));
        return entries;
    }
}
