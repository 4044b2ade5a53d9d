package io.github.t3chat4j.testkit.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeProjectTest {

    private static final Path ECHO = Path.of("src/test/node/echo");

    @Test
    void installsFromTheLockfile_runsAScriptWithItsEnvironment_andReusesTheInstallation(@TempDir Path into) throws Exception {
        NodeProject.Installation first = NodeProject.install(ECHO, into);
        assumeTrue(first.installed(), first.reason());

        NodeProject.Result result = first.get().run("echo.mjs", List.of("hello"), Map.of("T3_TEST_GREETING", "from the test"),
                Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("hello from the test\n");

        Path mark = into.resolve("node_modules/.t3chat4j-installed-lock-sha256");
        long installedAt = Files.getLastModifiedTime(mark).toMillis();
        NodeProject.Installation again = NodeProject.install(ECHO, into);
        assertThat(again.installed()).isTrue();
        assertThat(Files.getLastModifiedTime(mark).toMillis()).as("npm ci ran again for the same lockfile").isEqualTo(installedAt);
    }

    @Test
    void killsAScriptThatOutlivesItsTime(@TempDir Path into) {
        NodeProject.Installation installation = NodeProject.install(ECHO, into);
        assumeTrue(installation.installed(), installation.reason());

        NodeProject.Result result = installation.get().run("sleep.mjs", List.of(), Map.of(), Duration.ofMillis(500));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
    }
}
