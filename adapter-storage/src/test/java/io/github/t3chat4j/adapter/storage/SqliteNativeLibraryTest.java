package io.github.t3chat4j.adapter.storage;

import static io.github.t3chat4j.adapter.storage.SearchIndexAdapterTest.T0;
import static io.github.t3chat4j.adapter.storage.SearchIndexAdapterTest.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/** The SQLite driver's native library is loaded from a checked copy in the cache folder, or as the driver does by default. */
class SqliteNativeLibraryTest {

    @TempDir
    Path folder;

    @BeforeEach
    void save() {
        ConversationFiles.write(folder, conversation("one", "gpt-5", T0, "a native kestrel"));
    }

    /** A search in a JVM of its own (the library is loaded once per JVM): its output. */
    private String searchInAnotherJvm() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SearchMain.class.getName(), folder.toString(), "kestrel")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.strip();
    }

    private Path copy() throws IOException {
        try (Stream<Path> files = Files.walk(folder.resolve("cache").resolve("native"))) {
            List<Path> found = files.filter(Files::isRegularFile).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static byte[] driversOwn() throws IOException {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(LibraryLoaderUtil.getNativeLibResourcePath()
                + "/" + LibraryLoaderUtil.getNativeLibName())) {
            return in.readAllBytes();
        }
    }

    @Test
    void isCopiedOnce_ownerOnly_andCheckedAtEachStart() throws Exception {
        assertThat(searchInAnotherJvm()).isEqualTo("1 []");
        Path copy = copy();
        assertThat(copy.getFileName().toString()).isEqualTo(LibraryLoaderUtil.getNativeLibName());
        assertThat(Files.readAllBytes(copy)).isEqualTo(driversOwn());
        assertThat(Files.getPosixFilePermissions(copy)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Files.writeString(copy, "not a library");
        assertThat(searchInAnotherJvm()).isEqualTo("1 []");
        assertThat(Files.readAllBytes(copy)).isEqualTo(driversOwn());
    }

    @Test
    void theDriverExtractsItAsUsual_whenNoCopyCanBeMade() throws Exception {
        Files.createDirectories(folder.resolve("cache"));
        Files.writeString(folder.resolve("cache").resolve("native"), "a file where the folder should be");

        assertThat(searchInAnotherJvm()).isEqualTo("1 []");
    }
}
