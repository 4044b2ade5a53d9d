package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The user signed in with {@code t3 login} (for https://t3.chat), then runs {@code t3} inside a folder
 * someone else made, whose {@code .env} tries to take the session elsewhere or run a program: issue 18's
 * cases 1 to 6 and the settings part of 8, each through the real composition root ({@code Main.run}) with
 * EVIL a server on loopback that records every request it gets. Each refusal exits 2, says how to do it on
 * purpose, and EVIL gets nothing; a folder whose {@code .env} brings its own credentials still works, and
 * so does a folder the user trusts.
 */
class HostileFolderTest {

    private static final String STORED_WOS = "STORED-WOS-SECRET-0123456789";
    private static final String STORED_CONVEX = "STORED-CONVEX-SECRET-9876543210";
    private static final String BROWSER_WOS = "BROWSER-WOS-SECRET-4242424242";

    private final FakeT3Server evil = FakeT3Server.start();
    private final FakeT3Server good = FakeT3Server.start();

    @TempDir
    Path temp;

    private Path home;
    private Path folder;
    private T3Runner t3;

    /** How t3 is run; the {@code *LauncherIT} subclass runs this class through the packaged launcher, cold and warm. */
    T3Runner.Mode mode() {
        return T3Runner.Mode.IN_PROCESS;
    }

    @BeforeEach
    void signedInWithTheStoredLogin() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
        folder = Files.createDirectories(temp.resolve("cloned-repository"));
        Path config = home.resolve(".config/t3chat4j/config.properties");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "COOKIES=theme\\=dark; wos-session\\=" + STORED_WOS + "\nCONVEX_SESSION_ID="
                + STORED_CONVEX + "\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(config.getParent(), PosixFilePermissions.fromString("rwx------"));
        t3 = mode().runner(home, Map.of()).in(folder);
    }

    @AfterEach
    void stop() {
        try {
            t3.close();
        } finally {
            evil.close();
            good.close();
        }
    }

    private void dotEnv(String... lines) throws IOException {
        Files.writeString(folder.resolve(".env"), String.join("\n", lines) + "\n");
    }

    private String evilUrl() {
        return evil.baseUrl().toString();
    }

    @Test
    void case1_aDotEnvAddressAndLoginOrigin_doNotMoveTheStoredLogin() throws IOException {
        dotEnv("T3_BASE_URL=" + evilUrl(), "T3_LOGIN_ORIGIN=" + evilUrl());

        int code = t3.run("ask", "hi");

        assertRefusedAndNothingSent(code, "T3_BASE_URL");
        assertThat(t3.err()).contains("T3_LOGIN_ORIGIN in the .env file is ignored")
                .contains("run t3 login --base-url URL to store a login for it")
                .as("trusting the folder would not move a stored login").doesNotContain("t3 config trust");
    }

    @Test
    void case2_doctorKeepsTheStoredLoginFromADotEnvAddress() throws IOException {
        dotEnv("T3_BASE_URL=" + evilUrl());

        int code = t3.run("doctor");

        assertRefusedAndNothingSent(code, "T3_BASE_URL");
    }

    @Test
    void case3_aDotEnvCannotSendTheBrowsersSessionAnywhere() throws Exception {
        Path profile = firefoxProfileSignedIn();
        dotEnv("T3_COOKIES_FROM_BROWSER=firefox:" + profile, "T3_BASE_URL=" + evilUrl());

        int code = t3.run("ask", "hi");

        assertRefusedAndNothingSent(code, "T3_COOKIES_FROM_BROWSER");
        assertThat(t3.err()).doesNotContain(BROWSER_WOS);
    }

    @Test
    void case4_loginFromTheBrowser_doesNotCheckTheSessionAtADotEnvAddress_norStoreItForIt() throws Exception {
        Path profile = firefoxProfileSignedIn();
        dotEnv("T3_BASE_URL=" + evilUrl());

        int code = t3.run("login", "--from-browser", "firefox:" + profile);

        assertRefusedAndNothingSent(code, "T3_BASE_URL");
        assertThat(storedConfig()).doesNotContain(BROWSER_WOS).doesNotContain("T3_LOGIN_ORIGIN");
        assertThat(t3.out() + t3.err()).doesNotContain(BROWSER_WOS);
    }

    @Test
    void case4_aPastedLogin_isNotCheckedAtADotEnvAddress_norStoredForIt() throws IOException {
        dotEnv("T3_BASE_URL=" + evilUrl());

        int code = t3.runPiped("wos-session=PASTED-WOS-SECRET-555\ncvx\n", "login");

        assertRefusedAndNothingSent(code, "T3_BASE_URL");
        assertThat(storedConfig()).doesNotContain("PASTED-WOS-SECRET").doesNotContain("T3_LOGIN_ORIGIN");
    }

    @Test
    void case5_aDotEnvCannotRunAProgram() throws IOException {
        Path ran = temp.resolve("evil-ran.txt");
        Path program = folder.resolve("evil.sh");
        Files.writeString(program, "#!/bin/sh\necho \"$@\" >> '" + ran + "'\n"
                + "case \"$1\" in --version) echo 'curl 8.5.0 (x86_64-pc-linux-gnu)'; exit 0;; esac\n"
                + "cat >> '" + ran + "'\nexit 7\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        dotEnv("T3_TRANSPORT=curl", "T3_CURL=" + program);

        int code = t3.run("ask", "hi");

        assertRefusedAndNothingSent(code, "T3_");
        assertThat(t3.err()).contains("nothing was run or sent");
        assertThat(ran).doesNotExist();
    }

    @Test
    void case5_aDotEnvCannotPickTheBrowserThatWouldCarryTheSession() throws IOException {
        Path ran = temp.resolve("evil-ran.txt");
        Path program = folder.resolve("evil-browser.sh");
        Files.writeString(program, "#!/bin/sh\necho \"$@\" >> '" + ran + "'\nexit 7\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        dotEnv("T3_BROWSER=" + program);

        int code = t3.run("--transport", "browser", "ask", "hi");

        assertRefusedAndNothingSent(code, "T3_BROWSER");
        assertThat(t3.err()).contains("nothing was run or sent", "--browser NAME|PATH");
        assertThat(ran).doesNotExist();
    }

    @Test
    void aDotEnvCannotSetTheRememberedTransport_whichOnlyTheConfigFileHolds() throws IOException {
        dotEnv("T3_REMEMBERED_TRANSPORTS=https://t3.chat=browser");

        t3.run("config");

        assertThat(t3.err()).contains("T3_REMEMBERED_TRANSPORTS in the .env file is ignored");
        assertThat(t3.out()).doesNotContain("T3_REMEMBERED_TRANSPORTS = https");
    }

    @Test
    void case6_aDotEnvsOwnCookieNeverCarriesTheStoredConvexSessionIdElsewhere() throws IOException {
        dotEnv("COOKIES=wos-session=the-folders-own", "T3_BASE_URL=" + evilUrl());

        int code = t3.run("ask", "hi");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("COOKIES comes from the .env", "CONVEX_SESSION_ID from the config file",
                "one place", "nothing was sent");
        assertThat(evil.requests()).isEmpty();
        assertThat(t3.out() + t3.err()).doesNotContain(STORED_CONVEX).doesNotContain(STORED_WOS);
    }

    @Test
    void case8_aDotEnvCannotSetTheGatewayKey() throws IOException {
        dotEnv("T3_GATEWAY_KEY=x");

        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> t3.run("serve", "--port", "0"));

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("T3_GATEWAY_KEY", folder.resolve(".env").toString(), "--api-key-file FILE",
                "t3 config trust");
        assertThat(t3.out()).doesNotContain("API key");
    }

    @Test
    void case8_aGatewayKeyTooShortToBeSafe_isRefusedWhereverItComesFrom() throws IOException {
        Path keyFile = temp.resolve("short.key");
        Files.writeString(keyFile, "short-key\n");

        int fromEnvironment = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> t3.run(Map.of("T3_GATEWAY_KEY", "x"), "serve", "--port", "0"));
        String environmentError = t3.err();
        int fromFlag = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> t3.run("serve", "--port", "0", "--api-key", "also-short"));
        String flagError = t3.err();
        int fromFile = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> t3.run("serve", "--port", "0", "--api-key-file", keyFile.toString()));

        assertThat(List.of(fromEnvironment, fromFlag, fromFile)).containsOnly(ExitCode.USAGE);
        assertThat(environmentError).contains("is too short: 1 character; t3 serve needs at least 24 characters");
        assertThat(flagError).contains("--api-key shows the key to every user of this machine")
                .contains("is too short: 10 characters").doesNotContain("also-short");
        assertThat(t3.err()).contains("from --api-key-file " + keyFile).doesNotContain("short-key\n");
    }

    /** Every command that connects, with a hostile .env that names EVIL as address and login origin. */
    static Stream<List<String>> connectingCommands() {
        return Stream.of(List.of("ask", "hi"), List.of("chat"), List.of("image", "a cat"), List.of("credits"),
                List.of("models"), List.of("doctor"), List.of("serve", "--port", "0"), List.of("login"),
                List.of("login", "--from-browser", "firefox"));
    }

    @ParameterizedTest(name = "t3 {0}")
    @MethodSource("connectingCommands")
    void everyConnectingCommand_refusesAHostileDotEnv_andSendsNothing(List<String> command) throws IOException {
        dotEnv("T3_BASE_URL=" + evilUrl(), "T3_LOGIN_ORIGIN=" + evilUrl());

        int code = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> t3.runPiped("wos-session=PASTED-WOS-SECRET-555\n\n", command.toArray(String[]::new)));

        assertRefusedAndNothingSent(code, "T3_BASE_URL");
    }

    @Test
    void aDotEnvThatBringsItsOwnCredentials_stillWorks_withItsAddressAndPreferences() throws IOException {
        dotEnv("COOKIES=wos-session=FOLDER-OWN-WOS", "CONVEX_SESSION_ID=folder-own-convex",
                "T3_BASE_URL=" + good.baseUrl(), "T3_MODEL=gpt-4o", "T3_SYSTEM_PROMPT=be brief");

        int code = t3.run("ask", "hi");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.OK);
        RecordedRequest chat = good.lastRequest("/api/chat").orElseThrow();
        assertThat(chat.cookie("wos-session")).hasValue("FOLDER-OWN-WOS");
        assertThat(chat.body()).contains("folder-own-convex", "gpt-4o", "be brief").doesNotContain(STORED_CONVEX);
        assertThat(good.requests()).allSatisfy(request -> assertThat(request.headers().toString())
                .doesNotContain(STORED_WOS));
        assertThat(evil.requests()).isEmpty();
        assertThat(storedConfig()).contains(STORED_WOS);
    }

    @Test
    void aFolderTheUserTrusts_mayNameTheServerForTheUsersOwnCredentials() throws IOException {
        dotEnv("T3_BASE_URL=" + good.baseUrl());
        Map<String, String> usersOwn = Map.of("COOKIES", "wos-session=USERS-ENV-WOS", "CONVEX_SESSION_ID", "env-convex");

        int before = t3.run(usersOwn, "ask", "hi");
        assertThat(before).isEqualTo(ExitCode.USAGE);
        assertThat(good.requests()).isEmpty();

        assertThat(t3.run("config", "trust")).as(t3.err()).isEqualTo(ExitCode.OK);
        int after = t3.run(usersOwn, "ask", "hi");

        assertThat(after).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(good.lastRequest("/api/chat").orElseThrow().cookie("wos-session")).hasValue("USERS-ENV-WOS");
        assertThat(storedConfig()).contains("T3_TRUSTED_FOLDERS");
        assertThat(Files.readString(folder.resolve(".env"))).doesNotContain("TRUST");
    }

    @Test
    void aFolderTheUserTrusts_stillCannotMoveTheStoredLogin() throws IOException {
        dotEnv("T3_BASE_URL=" + evilUrl());
        assertThat(t3.run("config", "trust", folder.toString())).isEqualTo(ExitCode.OK);

        int code = t3.run("ask", "hi");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("the login stored by t3 login belongs to https://t3.chat");
        assertThat(evil.requests()).isEmpty();
    }

    private void assertRefusedAndNothingSent(int code, String setting) {
        assertThat(code).as(t3.out() + t3.err()).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("refusing to", setting, "on purpose");
        assertThat(evil.requests()).isEmpty();
        assertThat(t3.out() + t3.err()).doesNotContain(STORED_WOS).doesNotContain(STORED_CONVEX)
                .doesNotContain("PASTED-WOS-SECRET");
    }

    private String storedConfig() throws IOException {
        return Files.readString(home.resolve(".config/t3chat4j/config.properties"));
    }

    private Path firefoxProfileSignedIn() throws Exception {
        return SignedInFirefoxProfile.write(home.resolve(".mozilla/firefox/signed-in.default"), BROWSER_WOS,
                "browser-cvx");
    }
}
