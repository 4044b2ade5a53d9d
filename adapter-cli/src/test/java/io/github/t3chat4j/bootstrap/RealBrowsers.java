package io.github.t3chat4j.bootstrap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.t3chat4j.testkit.BrowserSignInPage;
import io.github.t3chat4j.testkit.TlsFront;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs an installed browser headless on a fresh profile, opening the fake t3.chat's sign-in page under
 * the real origin {@code https://t3.chat} (through a {@link TlsFront}), and waits until it has exited,
 * having written its profile. Only loopback is reached: Chromium resolves every other host to nothing,
 * and Firefox's only proxy refuses every other host.
 */
final class RealBrowsers {

    private static final String PAGE = "https://t3.chat" + BrowserSignInPage.PATH;

    private RealBrowsers() {
    }

    /** The first of {@code names} on the PATH; the test is skipped, saying so, when there is none. */
    static Path require(String... names) {
        Optional<Path> found = find(names);
        assumeTrue(found.isPresent(), "No " + String.join(" or ", names) + " on the PATH: this test needs the real"
                + " browser (.ci/run installs Debian's package).");
        return found.get();
    }

    static Optional<Path> find(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(dir, name);
                if (!dir.isBlank() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Headless Chromium with its own user-data folder; its cookies are encrypted with the v10 key. */
    static void chromiumSignsIn(Path chromium, Path userData, TlsFront front) throws IOException, InterruptedException {
        run(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--password-store=basic", "--ignore-certificate-errors",
                "--user-data-dir=" + userData,
                "--host-resolver-rules=MAP t3.chat 127.0.0.1:" + front.port() + ", MAP * ~NOTFOUND",
                "--dump-dom", PAGE), userData.resolveSibling("chromium.log"));
    }

    /** Headless Firefox on {@code profile}, trusting the front's certificate for t3.chat, with the front as its proxy. */
    static void firefoxSignsIn(Path firefox, Path profile, TlsFront front) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        Files.writeString(profile.resolve("user.js"), String.join("\n",
                "user_pref(\"network.proxy.type\", 1);",
                "user_pref(\"network.proxy.ssl\", \"127.0.0.1\");",
                "user_pref(\"network.proxy.ssl_port\", " + front.port() + ");",
                "user_pref(\"network.proxy.http\", \"127.0.0.1\");",
                "user_pref(\"network.proxy.http_port\", " + front.port() + ");",
                "user_pref(\"network.captive-portal-service.enabled\", false);",
                "user_pref(\"network.connectivity-service.enabled\", false);",
                "user_pref(\"app.update.enabled\", false);",
                "user_pref(\"browser.shell.checkDefaultBrowser\", false);",
                "user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);",
                "user_pref(\"toolkit.telemetry.reportingpolicy.firstRun\", false);", ""), StandardCharsets.UTF_8);
        Files.writeString(profile.resolve("cert_override.txt"), "# PSM Certificate Override Settings file\n"
                + "# This is a generated file!  Do not edit.\n"
                + "t3.chat:443:\tOID.2.16.840.1.101.3.4.2.1\t" + front.sha256Fingerprint() + "\t\n", StandardCharsets.UTF_8);
        run(List.of(firefox.toString(), "--headless", "--no-remote", "--profile", profile.toString(), "--screenshot",
                profile.resolveSibling("page.png").toString(), PAGE), profile.resolveSibling("firefox.log"));
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process browser = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!browser.waitFor(180, TimeUnit.SECONDS)) {
            browser.destroyForcibly().waitFor();
            throw new IllegalStateException(command.get(0) + " did not finish; its output is in " + log);
        }
        if (browser.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed with " + browser.exitValue() + ": "
                    + Files.readString(log));
        }
    }
}
