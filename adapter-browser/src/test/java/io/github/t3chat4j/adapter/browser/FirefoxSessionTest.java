package io.github.t3chat4j.adapter.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.adapter.browser.fixtures.FirefoxProfileWriter;
import io.github.t3chat4j.adapter.browser.fixtures.LockHolder;
import io.github.t3chat4j.adapter.browser.fixtures.PrivateTmp;
import io.github.t3chat4j.domain.browser.Browser;
import io.github.t3chat4j.domain.browser.BrowserSession;
import io.github.t3chat4j.domain.browser.BrowserSessionLookup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Firefox profiles written with Firefox ESR's own schemas on real temp folders (the real browser is
 * exercised in adapter-cli's BrowserLoginTest): profile discovery, containers, expiry, Snappy local
 * storage, a database another process holds locked, and nothing left behind.
 */
class FirefoxSessionTest {

    @TempDir
    Path home;

    private BrowserSessionLookup read(String profile) {
        BrowserConfig config = BrowserConfig.of(home, Map.of()).withPlatform(BrowserConfig.Platform.LINUX).withCommandTimeout(Duration.ofSeconds(5));
        return BrowserAdapters.create(config).browserSessions().orElseThrow().loadBrowserSession(Browser.FIREFOX, profile);
    }

    private Path root() throws Exception {
        return Files.createDirectories(home.resolve(".mozilla/firefox"));
    }

    private void profilesIni(String text) throws Exception {
        Files.writeString(root().resolve("profiles.ini"), text);
    }

    private static BrowserSession found(BrowserSessionLookup lookup) {
        assertThat(lookup).isInstanceOf(BrowserSessionLookup.Found.class);
        return ((BrowserSessionLookup.Found) lookup).session();
    }

    @BeforeAll
    static void privateTmp() {
        PrivateTmp.folder();
    }

    @AfterEach
    void leavesNoPrivateCopyBehind() {
        assertThat(PrivateTmp.copiesLeft()).isZero();
    }

    @Test
    void readsTheInstallDefaultProfile_withSnappyCompressedLocalStorage() throws Exception {
        new FirefoxProfileWriter(root().resolve("old.default")).cookie("t3.chat", "wos-session", "OLD");
        new FirefoxProfileWriter(root().resolve("abc.default-release"))
                .cookie("t3.chat", "wos-session", "WOS-VALUE").cookie(".t3.chat", "theme", "dark")
                .localStorage("convex-session-id", "\"CONVEX-VALUE\"", true);
        profilesIni("[Profile1]\nName=old\nIsRelative=1\nPath=old.default\nDefault=1\n\n"
                + "[Profile0]\nName=default-release\nIsRelative=1\nPath=abc.default-release\n\n"
                + "[Install4F96D1932A9F858E]\nDefault=abc.default-release\nLocked=1\n");

        BrowserSession session = found(read(""));

        assertThat(session.profile()).endsWith("abc.default-release");
        assertThat(session.session().cookies().headerValue()).isEqualTo("wos-session=WOS-VALUE; theme=dark");
        assertThat(session.session().convexSessionId().value()).isEqualTo("CONVEX-VALUE");
        assertThat(session.toString()).contains("wos-session", "theme").doesNotContain("WOS-VALUE", "CONVEX-VALUE");
    }

    @Test
    void readsAProfileByName_andAnUncompressedValue() throws Exception {
        new FirefoxProfileWriter(root().resolve("w.work")).cookie("t3.chat", "wos-session", "WORK")
                .localStorage("convex-session-id", "\"WORK-CONVEX\"", false);
        new FirefoxProfileWriter(root().resolve("p.personal")).cookie("t3.chat", "wos-session", "PERSONAL")
                .localStorage("convex-session-id", "\"PERSONAL-CONVEX\"", false);
        profilesIni("[Profile0]\nName=personal\nIsRelative=1\nPath=p.personal\nDefault=1\n\n"
                + "[Profile1]\nName=Work\nIsRelative=1\nPath=w.work\n");

        BrowserSession session = found(read("work"));

        assertThat(session.session().cookies().get("wos-session")).contains("WORK");
        assertThat(session.session().convexSessionId().value()).isEqualTo("WORK-CONVEX");
    }

    @Test
    void movesOnToTheNextProfile_whenTheDefaultHasNoT3ChatCookies() throws Exception {
        new FirefoxProfileWriter(root().resolve("a.default")).cookie("example.com", "wos-session", "ELSEWHERE");
        new FirefoxProfileWriter(root().resolve("b.second")).cookie("t3.chat", "wos-session", "SECOND")
                .localStorage("convex-session-id", "\"SECOND-CONVEX\"", true);
        profilesIni("[Profile0]\nName=default\nIsRelative=1\nPath=a.default\nDefault=1\n\n"
                + "[Profile1]\nName=second\nIsRelative=1\nPath=b.second\n");

        BrowserSession session = found(read(""));

        assertThat(session.profile()).endsWith("b.second");
    }

    @Test
    void prefersTheDefaultContainer_andLeavesOutExpiredAndPartitionedCookies() throws Exception {
        Path profile = root().resolve("c.default");
        new FirefoxProfileWriter(profile)
                .cookie("t3.chat", "wos-session", "CONTAINER", "^userContextId=2", Instant.parse("2099-01-01T00:00:00Z"))
                .cookie("t3.chat", "wos-session", "MAIN")
                .cookie("t3.chat", "old", "GONE", "", Instant.parse("2001-01-01T00:00:00Z"))
                .cookie("t3.chat", "embedded", "X", "^partitionKey=%28https%2Cexample.com%29",
                        Instant.parse("2099-01-01T00:00:00Z"))
                .localStorage("convex-session-id", "\"C\"", true);

        BrowserSession session = found(read(profile.toString()));

        assertThat(session.session().cookies().headerValue()).isEqualTo("wos-session=MAIN");
    }

    @Test
    void listsEveryProfileLookedIn_whenNoneHoldsT3ChatCookies() throws Exception {
        new FirefoxProfileWriter(root().resolve("a.default")).cookie("example.com", "sid", "S");
        new FirefoxProfileWriter(root().resolve("b.other"));
        profilesIni("[Profile0]\nName=default\nIsRelative=1\nPath=a.default\nDefault=1\n\n"
                + "[Profile1]\nName=other\nIsRelative=1\nPath=b.other\n");

        BrowserSessionLookup lookup = read("");

        assertThat(lookup).isInstanceOf(BrowserSessionLookup.NotFound.class);
        BrowserSessionLookup.NotFound notFound = (BrowserSessionLookup.NotFound) lookup;
        assertThat(notFound.searched()).hasSize(2);
        assertThat(notFound.searched().get(0)).contains("a.default", "no t3.chat cookies");
        assertThat(notFound.searched().get(1)).contains("b.other", "no t3.chat cookies");
    }

    @Test
    void saysWhatIsMissing_whenTheConvexSessionIdIsNotInLocalStorage() throws Exception {
        Path profile = root().resolve("d.default");
        new FirefoxProfileWriter(profile).cookie("t3.chat", "wos-session", "W");

        BrowserSessionLookup lookup = read(profile.toString());

        assertThat(((BrowserSessionLookup.NotFound) lookup).searched().get(0)).contains("no convex-session-id");
    }

    @Test
    void saysWhereItLooked_whenFirefoxHasNoProfilesIni() {
        BrowserSessionLookup lookup = read("");

        BrowserSessionLookup.NotFound notFound = (BrowserSessionLookup.NotFound) lookup;
        assertThat(notFound.reason()).contains("no Firefox profile found");
        assertThat(notFound.searched()).anyMatch(place -> place.contains(".mozilla/firefox/profiles.ini"));
    }

    @Test
    void readsACookieStillInTheWal_whileAnotherProcessHoldsTheDatabaseExclusivelyLocked() throws Exception {
        Path profile = root().resolve("e.default");
        FirefoxProfileWriter writer = new FirefoxProfileWriter(profile).cookie("t3.chat", "theme", "dark")
                .localStorage("convex-session-id", "\"CONVEX-E\"", true);
        Process browser = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), writer.cookies().toString(),
                "WAL-ONLY-VALUE").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(browser.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:sqlite:" + writer.cookies()).createStatement()
                    .executeQuery("SELECT count(*) FROM moz_cookies")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("locked");

            BrowserSession session = found(read(profile.toString()));

            assertThat(session.session().cookies().get("wos-session")).contains("WAL-ONLY-VALUE");
        } finally {
            browser.getOutputStream().close();
            browser.waitFor(30, TimeUnit.SECONDS);
            browser.destroyForcibly();
        }
    }
}
