package io.github.t3chat4j.adapter.http.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Chromium the browser engine's tests run: Debian's {@code chromium}, which {@code .ci/run} installs. */
final class InstalledBrowser {

    static final HttpConfig.Browser SETTINGS = HttpConfig.Browser.DEFAULTS.withProgram("chromium");

    private InstalledBrowser() {
    }

    /** Skips the test, saying why, when there is no {@code chromium} on the {@code PATH}. */
    static void require() {
        boolean found = false;
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= !folder.isBlank() && Files.isExecutable(Path.of(folder, "chromium"));
        }
        assumeTrue(found, "No chromium on the PATH: the browser engine's tests need Debian's chromium"
                + " (.ci/run installs it).");
    }

    /** {@code config} with the browser transport on the installed Chromium. */
    static HttpConfig configure(HttpConfig config) {
        return config.withTransport(HttpConfig.Transport.BROWSER).withBrowser(SETTINGS);
    }

    /** Chromium's host rules sending {@code t3.chat} to the fake's TLS port and every other name nowhere. */
    static String mapT3Chat(FakeT3Server server) {
        return "MAP t3.chat 127.0.0.1:" + server.port() + ", MAP * ~NOTFOUND";
    }

    /** The browser sends its own User-Agent, a desktop Chrome's without "Headless". */
    static void assertBrowsersOwnUserAgent(String userAgent) {
        assertThat(userAgent).contains("Chrome/").doesNotContain("Headless").isNotEqualTo(HttpConfig.DEFAULT_USER_AGENT);
    }
}
