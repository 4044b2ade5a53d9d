package io.github.t3chat4j.adapter.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.adapter.browser.fixtures.ChromiumProfileWriter;
import io.github.t3chat4j.adapter.browser.fixtures.PrivateTmp;
import io.github.t3chat4j.application.error.BrowserProfileException;
import io.github.t3chat4j.domain.browser.Browser;
import io.github.t3chat4j.domain.browser.BrowserSession;
import io.github.t3chat4j.domain.browser.BrowserSessionLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chromium profiles written in Chromium's own schema and encryption on real temp folders (the real
 * browser is exercised in adapter-cli's BrowserLoginTest): v10 and v11 values, the desktop keyring
 * through a {@code secret-tool} of our own on the PATH, the host-hash layout, LevelDB tables, and values
 * that cannot be decrypted.
 */
class ChromiumSessionTest {

    private static final String KEYRING_PASSWORD = "k3yring-pa55word-from-secret-service";

    @TempDir
    Path home;

    @BeforeAll
    static void privateTmp() {
        PrivateTmp.folder();
    }

    @AfterEach
    void leavesNoPrivateCopyBehind() {
        assertThat(PrivateTmp.copiesLeft()).isZero();
    }

    private BrowserSessionLookup read(Browser browser, String profile, BrowserConfig.Platform platform, String path) {
        BrowserConfig config = BrowserConfig.of(home, Map.of("PATH", path)).withPlatform(platform).withCommandTimeout(Duration.ofSeconds(10));
        return BrowserAdapters.create(config).browserSessions().orElseThrow().loadBrowserSession(browser, profile);
    }

    private BrowserSessionLookup read(Browser browser, String profile) {
        return read(browser, profile, BrowserConfig.Platform.LINUX, "");
    }

    private Path userData(String folder) throws Exception {
        return Files.createDirectories(home.resolve(".config").resolve(folder));
    }

    /** A {@code secret-tool} that records its arguments and prints {@code password}. */
    private Path fakeSecretTool(String password) throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path tool = bin.resolve("secret-tool");
        Files.writeString(tool, "#!/bin/sh\necho \"$@\" >> '" + home.resolve("secret-tool.args") + "'\n"
                + "printf '%s\\n' '" + password + "'\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        return bin;
    }

    private static BrowserSession found(BrowserSessionLookup lookup) {
        assertThat(lookup).isInstanceOf(BrowserSessionLookup.Found.class);
        return ((BrowserSessionLookup.Found) lookup).session();
    }

    @Test
    void readsV10CookiesAndTheConvexIdFromLdbTables_inTheDefaultProfile() throws Exception {
        new ChromiumProfileWriter(userData("chromium").resolve("Default"), 24)
                .cookie("t3.chat", "wos-session", "WOS-V10", "v10", "peanuts")
                .cookie(".t3.chat", "theme", "dark", "v10", "peanuts")
                .localStorage("CONVEX-V10", true);
        assertThat(userData("chromium").resolve("Default/Local Storage/leveldb")).isDirectoryContaining("glob:**.ldb");

        BrowserSession session = found(read(Browser.CHROMIUM, ""));

        assertThat(session.session().cookies().headerValue()).isEqualTo("wos-session=WOS-V10; theme=dark");
        assertThat(session.session().convexSessionId().value()).isEqualTo("CONVEX-V10");
    }

    @Test
    void decryptsV11WithTheKeyringPasswordFromSecretTool_passingNoSecretInItsArguments() throws Exception {
        new ChromiumProfileWriter(userData("google-chrome").resolve("Profile 1"), 24)
                .cookie("t3.chat", "wos-session", "WOS-V11", "v11", KEYRING_PASSWORD)
                .localStorage("CONVEX-V11", false);
        Path bin = fakeSecretTool(KEYRING_PASSWORD);

        BrowserSession session = found(read(Browser.CHROME, "Profile 1", BrowserConfig.Platform.LINUX, bin.toString()));

        assertThat(session.session().cookies().get("wos-session")).contains("WOS-V11");
        assertThat(Files.readString(home.resolve("secret-tool.args"))).isEqualTo("lookup application chrome\n");
    }

    @Test
    void startsSecretToolWithATrimmedEnvironment_withoutTheCallersSecrets() throws Exception {
        new ChromiumProfileWriter(userData("google-chrome").resolve("Default"), 24)
                .cookie("t3.chat", "wos-session", "WOS-V11", "v11", KEYRING_PASSWORD)
                .localStorage("CONVEX-V11", false);
        Path bin = fakeSecretTool(KEYRING_PASSWORD);
        Path envDump = home.resolve("secret-tool.env");
        Files.writeString(bin.resolve("secret-tool"), "#!/bin/sh\nenv > '" + envDump + "'\n"
                + "printf '%s\\n' '" + KEYRING_PASSWORD + "'\n");
        Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", home.toString(),
                "DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus", "LC_ALL", "C.UTF-8",
                "COOKIES", "wos-session=CALLERS-COOKIE", "CONVEX_SESSION_ID", "CALLERS-CONVEX",
                "T3_GATEWAY_KEY", "CALLERS-GATEWAY-KEY", "HTTPS_PROXY", "http://user:PROXY-PASSWORD@proxy:3128");
        BrowserConfig config = BrowserConfig.of(home, env).withPlatform(BrowserConfig.Platform.LINUX)
                .withCommandTimeout(Duration.ofSeconds(10));

        BrowserSession session = found(BrowserAdapters.create(config).browserSessions().orElseThrow()
                .loadBrowserSession(Browser.CHROME, ""));

        assertThat(session.session().cookies().get("wos-session")).contains("WOS-V11");
        assertThat(Files.readString(envDump)).contains("DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus",
                        "HOME=" + home, "LC_ALL=C.UTF-8")
                .doesNotContain("CALLERS-COOKIE").doesNotContain("CALLERS-CONVEX").doesNotContain("CALLERS-GATEWAY-KEY")
                .doesNotContain("PROXY-PASSWORD").doesNotContain("COOKIES");
    }

    @Test
    void readsOlderDatabasesWhoseValuesHaveNoHostHash() throws Exception {
        Path profile = userData("chromium").resolve("Default");
        new ChromiumProfileWriter(profile, 23).cookie("t3.chat", "wos-session", "WOS-OLD", "v10", "peanuts")
                .cookie("t3.chat", "convex-session-id", "%22CONVEX-IN-COOKIE%22", "v10", "peanuts");

        BrowserSession session = found(read(Browser.CHROMIUM, profile.toString()));

        assertThat(session.session().cookies().get("wos-session")).contains("WOS-OLD");
        assertThat(session.session().convexSessionId().value()).isEqualTo("CONVEX-IN-COOKIE");
    }

    @Test
    void failsNamingTheCookieButNotItsValue_whenNoKeyringKeyFits() throws Exception {
        Path profile = userData("chromium").resolve("Default");
        new ChromiumProfileWriter(profile, 24).cookie("t3.chat", "wos-session", "WOS-LOCKED-AWAY", "v11",
                KEYRING_PASSWORD).localStorage("CONVEX-X", false);
        Path bin = fakeSecretTool("a-different-password");

        assertThatThrownBy(() -> read(Browser.CHROMIUM, "", BrowserConfig.Platform.LINUX, bin.toString()))
                .isInstanceOf(BrowserProfileException.class)
                .hasMessageContaining("'wos-session'")
                .hasMessageContaining("desktop keyring")
                .hasMessageContaining("secret-tool: gave a key")
                .hasMessageContaining("kwallet-query: not installed")
                .hasMessageContaining("Firefox profile")
                .hasMessageNotContaining("WOS-LOCKED-AWAY")
                .hasMessageNotContaining("a-different-password");
    }

    @Test
    void failsClearly_whenAValueIsNotInAFormatT3Knows() throws Exception {
        Path profile = userData("chromium").resolve("Default");
        new ChromiumProfileWriter(profile, 24).encryptedCookie("t3.chat", "wos-session", new byte[] {1, 2, 3, 4, 5});

        assertThatThrownBy(() -> read(Browser.CHROMIUM, "")).isInstanceOf(BrowserProfileException.class)
                .hasMessageContaining("'wos-session'").hasMessageContaining("not a known one");
    }

    @Test
    void saysWindowsEncryptionIsOutOfReach() throws Exception {
        Path profile = Files.createDirectories(home.resolve("AppData/Local/Google/Chrome/User Data/Default"));
        new ChromiumProfileWriter(profile, 24).cookie("t3.chat", "wos-session", "WOS-WIN", "v20", "unknowable");

        assertThatThrownBy(() -> read(Browser.CHROME, "", BrowserConfig.Platform.WINDOWS, ""))
                .isInstanceOf(BrowserProfileException.class)
                .hasMessageContaining("application-bound encryption")
                .hasMessageContaining("Firefox profile instead");
    }

    @Test
    void listsEveryProfileLookedIn_whenNoneHoldsT3ChatCookies() throws Exception {
        new ChromiumProfileWriter(userData("chromium").resolve("Default"), 24)
                .cookie("example.com", "wos-session", "ELSEWHERE", "v10", "peanuts");
        new ChromiumProfileWriter(userData("chromium").resolve("Profile 2"), 24);

        BrowserSessionLookup.NotFound notFound = (BrowserSessionLookup.NotFound) read(Browser.CHROMIUM, "");

        assertThat(notFound.searched()).hasSize(2);
        assertThat(notFound.searched().get(0)).contains("Default", "no t3.chat cookies");
        assertThat(notFound.searched().get(1)).contains("Profile 2", "no t3.chat cookies");
    }

    @Test
    void namesTheProfilesThereAre_whenTheNamedOneIsMissing() throws Exception {
        new ChromiumProfileWriter(userData("BraveSoftware/Brave-Browser").resolve("Default"), 24);

        BrowserSessionLookup.NotFound notFound = (BrowserSessionLookup.NotFound) read(Browser.BRAVE, "Work");

        assertThat(notFound.searched()).singleElement().asString().contains("'Work'", "its profiles are: Default");
    }
}
