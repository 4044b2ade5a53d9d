package io.github.t3chat4j.adapter.http.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * curl is found as the run's shell would find it: on the run's {@code PATH} and from the run's working
 * folder, never on the JVM's own (which a warm process serving many runs does not share with them).
 */
class CurlBinaryLocateTest {

    @TempDir
    Path temp;

    private Path program(Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    @Test
    void findsABareNameOnTheRunsPath_inOrder_andARelativeEntryFromTheRunsFolder() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        Path first = program(work.resolve("bin"), "curl-x");
        program(temp.resolve("later"), "curl-x");

        assertThat(CurlBinary.locate("curl-x", Map.of("PATH", "bin:" + temp.resolve("later")), work))
                .hasValue(first.toString());
        assertThat(CurlBinary.locate("curl-x", Map.of("PATH", "/nonexistent"), work)).isEmpty();
        assertThat(CurlBinary.locate("curl-x", Map.of(), work)).as("no PATH: the JDK's default, not the folder")
                .isEmpty();
    }

    @Test
    void takesAPathFromTheRunsFolder_andRefusesWhatIsNotAnExecutableFile() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        Path wrapper = program(work.resolve("tools"), "curl_chrome");
        Files.writeString(work.resolve("not-executable"), "x");

        assertThat(CurlBinary.locate("./tools/curl_chrome", Map.of(), work)).hasValue(work.resolve("./tools/curl_chrome")
                .toString());
        assertThat(CurlBinary.locate(wrapper.toString(), Map.of(), temp)).hasValue(wrapper.toString());
        assertThat(CurlBinary.locate("./not-executable", Map.of(), work)).isEmpty();
        assertThat(CurlBinary.locate("tools", Map.of("PATH", work.toString()), work)).as("a folder").isEmpty();
    }
}
