package io.github.t3chat4j.adapter.storage;

import static io.github.t3chat4j.application.port.out.SettingsStorePort.CONVEX_SESSION_ID;
import static io.github.t3chat4j.application.port.out.SettingsStorePort.COOKIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.port.out.SettingsStorePort;
import io.github.t3chat4j.domain.session.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileAdapterTest {

    /** A made-up cookie string; tests never use real credentials. */
    private static final String COOKIE_STRING = "wos-session=fake-wos-value; convex-session-id=%22fake-convex%22";

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("t3chat4j/config.properties");
    }

    private ConfigFileAdapter adapter() {
        return new ConfigFileAdapter(file(), new AtomicFiles());
    }

    @Test
    void readsNothingAndCreatesNothing_whenNoFileExistsYet() {
        ConfigFileAdapter adapter = adapter();

        assertThat(adapter.loadSettings()).isEmpty();
        adapter.updateSettings(Map.of("MODEL", Optional.empty()));

        assertThat(file()).doesNotExist();
        assertThat(adapter.location()).isEqualTo(file().toString());
    }

    @Test
    void roundTripsValuesWithSeparatorsEscapesAndNonAsciiText() {
        Map<String, Optional<String>> values = new LinkedHashMap<>();
        values.put(COOKIES, Optional.of(COOKIE_STRING));
        values.put("SYSTEM_PROMPT", Optional.of("Réponds en français: a=b # not a comment \\ back\nslash"));
        values.put("MODEL", Optional.of("gemini-2.5-flash"));

        adapter().updateSettings(values);

        assertThat(adapter().loadSettings()).containsOnly(Map.entry(COOKIES, COOKIE_STRING),
                Map.entry("SYSTEM_PROMPT", "Réponds en français: a=b # not a comment \\ back\nslash"),
                Map.entry("MODEL", "gemini-2.5-flash"));
    }

    @Test
    void writesUtf8PropertiesThatJavaUtilPropertiesReads() throws IOException {
        adapter().updateSettings(Map.of("SYSTEM_PROMPT", Optional.of("grüß dich")));

        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        assertThat(properties.getProperty("SYSTEM_PROMPT")).isEqualTo("grüß dich");
        assertThat(Files.readString(file())).contains("grüß dich").startsWith("#t3chat4j settings.");
    }

    @Test
    void readsAFileWrittenByHand() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "# mine\nMODEL : claude-4-sonnet\nCOOKIES=" + COOKIE_STRING + "\n\n");

        assertThat(adapter().loadSettings()).containsOnly(Map.entry("MODEL", "claude-4-sonnet"),
                Map.entry(COOKIES, COOKIE_STRING));
    }

    @Test
    void keepsOtherKeys_whenUpdatingOne() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "MODEL=claude-4-sonnet\nCOOKIES=old\nCONVEX_SESSION_ID=fake-convex\n");

        adapter().updateSettings(Map.of(COOKIES, Optional.of(COOKIE_STRING)));

        assertThat(adapter().loadSettings()).containsOnly(Map.entry("MODEL", "claude-4-sonnet"),
                Map.entry(COOKIES, COOKIE_STRING), Map.entry(CONVEX_SESSION_ID, "fake-convex"));
    }

    @Test
    void removesAKey_whenItsValueIsEmpty() {
        adapter().updateSettings(Map.of(COOKIES, Optional.of(COOKIE_STRING), CONVEX_SESSION_ID,
                Optional.of("fake-convex"), "MODEL", Optional.of("o3")));

        adapter().updateSettings(Map.of(COOKIES, Optional.empty(), CONVEX_SESSION_ID, Optional.empty()));

        assertThat(adapter().loadSettings()).containsOnly(Map.entry("MODEL", "o3"));
    }

    @Test
    void keepsTheFileOwnerOnlyInAnOwnerOnlyFolder() throws IOException {
        adapter().updateSettings(Map.of(COOKIES, Optional.of(COOKIE_STRING)));

        assertThat(permissions(file())).isEqualTo("rw-------");
        assertThat(permissions(file().getParent())).isEqualTo("rwx------");
    }

    @Test
    void makesTheFileOwnerOnlyAgain_whenSomeoneOpenedItUp() throws IOException {
        adapter().updateSettings(Map.of(COOKIES, Optional.of(COOKIE_STRING)));
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));

        adapter().updateSettings(Map.of("MODEL", Optional.of("o3")));

        assertThat(permissions(file())).isEqualTo("rw-------");
    }

    @Test
    void namesTheFileAndTheProblemButNoValue_whenTheFileIsMalformed() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "COOKIES=" + COOKIE_STRING + "\\u12G4\n");

        assertThatThrownBy(() -> adapter().loadSettings())
                .isInstanceOf(StorageException.class)
                .hasMessage("Could not read the settings in " + file() + ": it is not a valid properties file"
                        + " (Malformed \\uxxxx encoding); fix or delete it.")
                .hasMessageNotContaining("fake-wos-value");
    }

    @Test
    void leavesAMalformedFileAsItIs_whenAskedToUpdateIt() throws IOException {
        Files.createDirectories(file().getParent());
        String malformed = "MODEL=o3\nCOOKIES=\\u12G4\n";
        Files.writeString(file(), malformed);

        assertThatThrownBy(() -> adapter().updateSettings(Map.of("MODEL", Optional.of("o4-mini"))))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(file().toString());

        assertThat(file()).hasContent(malformed);
    }

    @Test
    void keepsHalfASurrogatePair_whenAnotherSettingIsUpdated() throws IOException {
        // Found while writing ConfigFileAdapterFuzzTest's round trip: UTF-8 turned the value into "?".
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "SYSTEM_PROMPT=a\\uD800b\\uDC00\\uD83D\\uDE00\n");

        adapter().updateSettings(Map.of("MODEL", Optional.of("o4-mini")));

        assertThat(adapter().loadSettings()).containsEntry("SYSTEM_PROMPT", "a\uD800b\uDC00\uD83D\uDE00");
        assertThat(Files.readString(file())).contains("SYSTEM_PROMPT=a\\uD800b\\uDC00\uD83D\uDE00");
    }

    @Test
    void saysTheFileIsNotUtf8_whenItHoldsOtherBytes() throws IOException {
        Files.createDirectories(file().getParent());
        Files.write(file(), "SYSTEM_PROMPT=gr\u00fc\u00df\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> adapter().loadSettings())
                .isInstanceOf(StorageException.class)
                .hasMessage("Could not read the settings in " + file() + ": it is not UTF-8 text.");
    }

    @Test
    void namesTheFileAndTheCause_whenItCannotBeRead() throws IOException {
        Files.createDirectories(file());

        assertThatThrownBy(() -> adapter().loadSettings())
                .isInstanceOf(StorageException.class)
                .hasMessage("Could not read the settings in " + file() + ": Is a directory.");
    }

    @Test
    void namesTheFileAndTheCauseAndKeepsTheOldOne_whenItCannotBeWritten() throws IOException {
        adapter().updateSettings(Map.of(COOKIES, Optional.of("wos-session=old-fake-value")));
        String before = Files.readString(file());
        ConfigFileAdapter diskFull = new ConfigFileAdapter(file(), new AtomicFiles((source, target, options) -> {
            throw new FileSystemException(source.toString(), target.toString(), "No space left on device");
        }));

        assertThatThrownBy(() -> diskFull.updateSettings(Map.of(COOKIES, Optional.of(COOKIE_STRING))))
                .isInstanceOf(StorageException.class)
                .hasMessage("Could not write " + file() + ": No space left on device.");

        assertThat(file()).hasContent(before);
        assertThat(AtomicFilesTest.names(file().getParent())).containsExactly("config.properties");
    }

    @Test
    void writesTheRotatedCookieStringUnderCookies_whenASessionIsSaved() {
        adapter().updateSettings(Map.of(COOKIES, Optional.of("wos-session=old-fake-value"), CONVEX_SESSION_ID,
                Optional.of("fake-convex"), "MODEL", Optional.of("o3")));
        Session rotated = Session.of(COOKIE_STRING, "fake-convex").withRenewedWosSession("rotated-fake-value");

        adapter().saveSession(rotated);

        assertThat(adapter().loadSettings()).containsOnly(
                Map.entry(COOKIES, "wos-session=rotated-fake-value; convex-session-id=%22fake-convex%22"),
                Map.entry(CONVEX_SESSION_ID, "fake-convex"), Map.entry("MODEL", "o3"));
    }

    @Test
    void keepsNothing_whenTheSessionIsAnonymous() {
        adapter().saveSession(Session.anonymous());

        assertThat(file()).doesNotExist();
    }

    @Test
    void showsTheFileButNoValue_inItsDescription() {
        adapter().updateSettings(Map.of(COOKIES, Optional.of(COOKIE_STRING)));

        assertThat(adapter()).hasToString("ConfigFileAdapter[" + file() + "]");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void remembersWhenTheCookieWasRenewed_forThatCookieOnly() {
        Session session = Session.of("wos-session=abc; theme=dark", "c");
        Instant at = Instant.parse("2026-06-01T12:00:00Z");

        adapter().saveRenewedSession(session, false, at);

        assertThat(adapter().lastRenewal(session)).contains(at);
        assertThat(adapter().lastRenewal(Session.of("wos-session=other", "c"))).isEmpty();
        assertThat(adapter().loadSettings()).containsEntry(SettingsStorePort.COOKIES, session.cookies().headerValue());
    }

    @Test
    void forgetsTheRenewalTime_whenTheCookieIsSetAnotherWay() {
        Session session = Session.of("wos-session=abc", "c");
        adapter().saveRenewedSession(session, true, Instant.parse("2026-06-01T12:00:00Z"));

        adapter().updateSettings(Map.of(SettingsStorePort.COOKIES, Optional.of("wos-session=abc")));

        assertThat(adapter().lastRenewal(session)).isEmpty();
        assertThat(adapter().loadSettings()).doesNotContainKey(SettingsStorePort.COOKIES_RENEWED_AT);
    }
}
