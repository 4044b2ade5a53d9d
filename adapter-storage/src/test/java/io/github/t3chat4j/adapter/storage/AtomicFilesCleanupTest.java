package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files never outlive their writer: a shutdown deletes them, a later write sweeps the orphans. */
class AtomicFilesCleanupTest {

    @TempDir
    Path folder;

    @Test
    void sweepsTheTemporaryFilesOfDeadWriters_butNotOfLiveOnes() throws IOException {
        long dead = deadPid();
        long live = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        Path orphan = Files.writeString(folder.resolve(".a.json.pid" + dead + ".123.tmp"), "half");
        Path busy = Files.writeString(folder.resolve(".b.json.pid" + live + ".456.tmp"), "writing");
        Path unrelated = Files.writeString(folder.resolve(".someone-else.tmp"), "not ours");

        new AtomicFiles().write(folder.resolve("c.json"), out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(orphan).doesNotExist();
        assertThat(busy).exists();
        assertThat(unrelated).exists();
        assertThat(folder.resolve("c.json")).hasContent("{}");
    }

    @Test
    void deletesTheUnfinishedTemporaryFile_whenTheWriterIsTerminated() throws Exception {
        Path target = folder.resolve("big.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SlowWriteMain.class.getName(), target.toString()).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (temporaryFiles() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(temporaryFiles()).isEqualTo(1);

            writer.destroy(); // SIGTERM, as `timeout` or a closing terminal sends it
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.destroyForcibly();
        }

        assertThat(temporaryFiles()).isZero();
        assertThat(target).doesNotExist();
    }

    private long temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    /** The id of a process that has ended (a short-lived child). */
    private static long deadPid() throws IOException {
        Process gone = new ProcessBuilder("true").start();
        try {
            gone.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return gone.pid();
    }
}
