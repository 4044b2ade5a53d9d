package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves streaming: a JVM with a 64 MB heap saves a 50 MB image. */
class FileImageAdapterBigImageTest {

    private static final long SIZE = 50L * 1024 * 1024;

    @TempDir
    Path folder;

    @Test
    void savesFiftyMegabyteImage_inJvmWithSixtyFourMegabyteHeap() throws IOException, InterruptedException {
        Path log = folder.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                BigImageSaveMain.class.getName(), folder.resolve("out/big").toString(), Long.toString(SIZE))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        boolean finished = child.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }

        assertThat(finished).as("child JVM finished").isTrue();
        assertThat(child.exitValue()).as("exit code; child output:%n%s", Files.readString(log)).isZero();
        Path saved = folder.resolve("out/big.png");
        assertThat(Files.size(saved)).isEqualTo(SIZE);
        try (InputStream in = Files.newInputStream(saved)) {
            assertThat(in.readNBytes(4)).containsExactly(0x89, 'P', 'N', 'G');
        }
    }
}
