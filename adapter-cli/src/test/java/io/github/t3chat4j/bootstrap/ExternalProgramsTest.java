package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --curl} program that does not behave like curl when asked for its version never holds
 * {@code t3}: its standard input is closed and the question has a deadline. The {@code @Timeout}s only
 * guard against a hang (before, both runs never ended).
 */
class ExternalProgramsTest {

    private final FakeT3Server server = FakeT3Server.start();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void endsWithAClearError_whenTheCurlProgramReadsItsInputWhenAskedForItsVersion() throws Exception {
        Path program = script("reads-stdin", "cat > /dev/null\necho 'not curl at all'\n");

        int code = InProcessT3.signedIn(home, server, "probe").run("--transport", "curl", "--curl",
                program.toString(), "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(server.requests("/api/chat")).isEmpty();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void givesUpOnACurlProgramThatNeverAnswersItsVersion_sayingSo() throws Exception {
        Path program = script("silent", "exec sleep 600\n");
        InProcessT3 t3 = InProcessT3.signedIn(home, server, "probe");

        int code = t3.run("--transport", "curl", "--curl", program.toString(), "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("did not answer").contains(program.toString());
        assertThat(server.requests("/api/chat")).isEmpty();
    }

    private Path script(String name, String body) throws Exception {
        Path file = home.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
