package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trust boundary's rule, run through {@code t3} in-process over a transport that records every
 * connection: which address may get which credentials for every source of each, and what each trust class
 * may do from the {@code .env} of an untrusted folder, of a trusted one, and together with that
 * {@code .env}'s own credentials. A refusal connects to nothing.
 */
class TrustBoundaryTest {

    private static final String ELSEWHERE = "http://127.0.0.1:9";
    private static final String SECRET = "wos-session=BINDING-SECRET-1234";
    private static final String CONVEX = "CONVEX-SECRET-5678";

    @TempDir
    Path temp;

    enum Where { FLAG, ENVIRONMENT, DOTENV, TRUSTED_DOTENV, CONFIG_FILE, NOWHERE }

    static Stream<Arguments> addresses() {
        return Stream.of(
                // A stored login goes only to its own origin, whoever points elsewhere.
                Arguments.of(Where.CONFIG_FILE, Where.DOTENV, false),
                Arguments.of(Where.CONFIG_FILE, Where.TRUSTED_DOTENV, false),
                Arguments.of(Where.CONFIG_FILE, Where.ENVIRONMENT, false),
                Arguments.of(Where.CONFIG_FILE, Where.CONFIG_FILE, false),
                Arguments.of(Where.CONFIG_FILE, Where.FLAG, false),
                Arguments.of(Where.CONFIG_FILE, Where.NOWHERE, true),
                // Credentials from the environment follow an address the user gave, and no other.
                Arguments.of(Where.ENVIRONMENT, Where.FLAG, true),
                Arguments.of(Where.ENVIRONMENT, Where.ENVIRONMENT, true),
                Arguments.of(Where.ENVIRONMENT, Where.TRUSTED_DOTENV, true),
                Arguments.of(Where.ENVIRONMENT, Where.DOTENV, false),
                Arguments.of(Where.ENVIRONMENT, Where.CONFIG_FILE, false),
                Arguments.of(Where.ENVIRONMENT, Where.NOWHERE, true),
                // A .env's own credentials may go where that folder says.
                Arguments.of(Where.DOTENV, Where.DOTENV, true),
                Arguments.of(Where.DOTENV, Where.FLAG, true),
                Arguments.of(Where.DOTENV, Where.CONFIG_FILE, true),
                Arguments.of(Where.TRUSTED_DOTENV, Where.TRUSTED_DOTENV, true));
    }

    @ParameterizedTest(name = "credentials from {0}, address from {1}: sent = {2}")
    @MethodSource("addresses")
    void sendsCredentialsOnlyWhereTheyBelong(Where credentials, Where address, boolean sent) throws IOException {
        CliHarness cli = new CliHarness(temp);
        StringBuilder config = new StringBuilder();
        StringBuilder dotEnv = new StringBuilder();
        switch (credentials) {
            case CONFIG_FILE -> config.append("COOKIES=").append(SECRET.replace("=", "\\=")).append('\n')
                    .append("CONVEX_SESSION_ID=").append(CONVEX).append('\n');
            case ENVIRONMENT -> {
                cli.env.put("COOKIES", SECRET);
                cli.env.put("CONVEX_SESSION_ID", CONVEX);
            }
            case DOTENV, TRUSTED_DOTENV -> dotEnv.append("COOKIES=").append(SECRET).append('\n')
                    .append("CONVEX_SESSION_ID=").append(CONVEX).append('\n');
            default -> throw new IllegalArgumentException(credentials.name());
        }
        String[] args = {"ask", "hi"};
        switch (address) {
            case FLAG -> args = new String[] {"--base-url", ELSEWHERE, "ask", "hi"};
            case ENVIRONMENT -> cli.env.put("T3_BASE_URL", ELSEWHERE);
            case DOTENV, TRUSTED_DOTENV -> dotEnv.append("T3_BASE_URL=").append(ELSEWHERE).append('\n');
            case CONFIG_FILE -> config.append("T3_BASE_URL=").append(ELSEWHERE.replace(":", "\\:")).append('\n');
            case NOWHERE -> { }
            default -> throw new IllegalArgumentException(address.name());
        }
        if (credentials == Where.TRUSTED_DOTENV || address == Where.TRUSTED_DOTENV) {
            config.append("T3_TRUSTED_FOLDERS=").append(cli.workingDir.toRealPath().toString().replace(":", "\\:"))
                    .append('\n');
        }
        writeConfig(cli, config.toString());
        Files.writeString(cli.workingDir.resolve(".env"), dotEnv);

        int code = cli.run(args);

        if (sent) {
            assertThat(code).as(cli.err()).isEqualTo(ExitCode.OK);
            assertThat(cli.connections).hasSize(1);
            assertThat(cli.connections.get(0).convexSessionId()).isEqualTo(CONVEX);
        } else {
            assertThat(code).as(cli.err()).isEqualTo(ExitCode.USAGE);
            assertThat(cli.connections).isEmpty();
            assertThat(cli.err()).containsPattern("refusing to send (your t3.chat credentials|.*) to " + ELSEWHERE)
                    .contains("on purpose").doesNotContain("BINDING-SECRET").doesNotContain(CONVEX);
        }
    }

    /** How a folder's {@code .env} sits with the credentials a run sends. */
    enum Folder {
        /** An untrusted folder, while the credentials are the login stored by t3 login. */
        UNTRUSTED_WITH_STORED_LOGIN,
        /** An untrusted folder whose .env brings its own credentials. */
        UNTRUSTED_WITH_ITS_OWN_CREDENTIALS,
        /** A folder the user trusts, with credentials from the environment. */
        TRUSTED
    }

    private CliHarness inFolder(Folder folder, String dotEnv) throws IOException {
        CliHarness cli = new CliHarness(temp);
        StringBuilder env = new StringBuilder(dotEnv);
        switch (folder) {
            case UNTRUSTED_WITH_STORED_LOGIN -> writeConfig(cli, "COOKIES=" + SECRET.replace("=", "\\=")
                    + "\nCONVEX_SESSION_ID=" + CONVEX + "\n");
            case UNTRUSTED_WITH_ITS_OWN_CREDENTIALS -> env.append("COOKIES=").append(SECRET)
                    .append("\nCONVEX_SESSION_ID=").append(CONVEX).append('\n');
            case TRUSTED -> {
                cli.env.put("COOKIES", SECRET);
                cli.env.put("CONVEX_SESSION_ID", CONVEX);
                writeConfig(cli, "T3_TRUSTED_FOLDERS=" + cli.workingDir.toRealPath().toString().replace(":", "\\:")
                        + "\n");
            }
            default -> throw new IllegalArgumentException(folder.name());
        }
        Files.writeString(cli.workingDir.resolve(".env"), env);
        return cli;
    }

    @ParameterizedTest
    @EnumSource(Folder.class)
    void takesAFoldersPreferences_always(Folder folder) throws IOException {
        CliHarness cli = inFolder(folder, "T3_MODEL=claude-4-sonnet\nT3_SYSTEM_PROMPT=be brief\nT3_TIMEOUT=90s\n");

        int code = cli.run("ask", "hi");

        assertThat(code).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.port.lastRequest().model().value()).isEqualTo("claude-4-sonnet");
        assertThat(cli.port.lastRequest().settings().systemPrompt()).isEqualTo("be brief");
        assertThat(cli.connections.get(0).network().deadlines().total()).hasValue(Duration.ofSeconds(90));
    }

    @ParameterizedTest
    @EnumSource(Folder.class)
    void takesAFoldersProxy_onlyForItsOwnCredentials_orWhenTrusted(Folder folder) throws IOException {
        CliHarness cli = inFolder(folder, "T3_PROXY=http://127.0.0.1:9\n");

        int code = cli.run("ask", "hi");

        if (folder == Folder.UNTRUSTED_WITH_STORED_LOGIN) {
            assertRefused(cli, code, "T3_PROXY", "--proxy URL");
        } else {
            assertThat(code).as(cli.err()).isEqualTo(ExitCode.OK);
            assertThat(cli.connections.get(0).network().proxy()).isEqualTo("http://127.0.0.1:9");
        }
    }

    @ParameterizedTest
    @EnumSource(Folder.class)
    void runsNoProgramAFolderNames_unlessTrusted(Folder folder) throws IOException {
        CliHarness cli = inFolder(folder, "T3_TRANSPORT=curl\nT3_CURL=/tmp/evil.sh\n");

        int code = cli.run("ask", "hi");

        if (folder == Folder.TRUSTED) {
            assertThat(code).as(cli.err()).isEqualTo(ExitCode.OK);
            assertThat(cli.connections.get(0).network().curl()).isEqualTo("/tmp/evil.sh");
        } else {
            assertRefused(cli, code, "T3_", "t3 config trust");
            assertThat(cli.err()).contains("nothing was run or sent");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Folder.class, names = {"UNTRUSTED_WITH_STORED_LOGIN", "UNTRUSTED_WITH_ITS_OWN_CREDENTIALS"})
    void readsNoBrowserAFolderNames(Folder folder) throws IOException {
        CliHarness cli = inFolder(folder, "T3_COOKIES_FROM_BROWSER=firefox\n");

        int code = cli.run("ask", "hi");

        assertRefused(cli, code, "T3_COOKIES_FROM_BROWSER", "t3 login --from-browser");
        assertThat(cli.err()).contains("nothing was read or sent");
    }

    @Test
    void takesTheConvexSessionIdFromTheCookiesOwnSource_neverTheStoredLoginsForAFoldersCookie() throws IOException {
        CliHarness cli = new CliHarness(temp);
        writeConfig(cli, "COOKIES=wos-session\\=stored\nCONVEX_SESSION_ID=" + CONVEX + "\n");
        Files.writeString(cli.workingDir.resolve(".env"), "COOKIES=wos-session=folders; convex-session-id=folders-own\n"
                + "T3_BASE_URL=" + ELSEWHERE + "\n");

        int code = cli.run("ask", "hi");

        assertThat(code).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.connections.get(0).cookies()).isEqualTo("wos-session=folders; convex-session-id=folders-own");
        assertThat(cli.connections.get(0).convexSessionId()).isEmpty();
        assertThat(cli.port.lastRequest().toString() + cli.out() + cli.err()).doesNotContain(CONVEX);
    }

    @Test
    void ignoresALoginOriginFromAnywhereButTheConfigFile_saying() throws IOException {
        CliHarness cli = new CliHarness(temp);
        writeConfig(cli, "COOKIES=" + SECRET.replace("=", "\\=") + "\nCONVEX_SESSION_ID=" + CONVEX + "\n");
        cli.env.put("T3_BASE_URL", ELSEWHERE);
        Files.writeString(cli.workingDir.resolve(".env"), "T3_LOGIN_ORIGIN=" + ELSEWHERE + "\n");

        int code = cli.run("ask", "hi");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(cli.connections).isEmpty();
        assertThat(cli.err()).contains("T3_LOGIN_ORIGIN in the .env file is ignored")
                .contains("the login stored by t3 login belongs to https://t3.chat");
    }

    @Test
    void trustsAFolder_onlyOnceTheUserSaysSo_andUntrustsIt() throws IOException {
        CliHarness cli = new CliHarness(temp);
        cli.env.put("COOKIES", SECRET);
        cli.env.put("CONVEX_SESSION_ID", CONVEX);
        Files.writeString(cli.workingDir.resolve(".env"), "T3_BASE_URL=" + ELSEWHERE + "\n");

        assertThat(cli.run("ask", "hi")).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("t3 config trust " + cli.workingDir);

        assertThat(cli.run("config", "trust")).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("Trusted " + cli.workingDir.toRealPath());
        assertThat(cli.run("ask", "hi")).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.connections).hasSize(1);
        assertThat(cli.connections.get(0).baseUrl()).hasToString(ELSEWHERE);
        assertThat(cli.run("config")).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("(a folder you trust)");

        assertThat(cli.run("config", "untrust", cli.workingDir.toString())).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("No longer trusted");
        assertThat(cli.run("ask", "hi")).isEqualTo(ExitCode.USAGE);
        assertThat(cli.connections).hasSize(1);
        assertThat(Files.readString(cli.workingDir.resolve(".env"))).doesNotContain("TRUSTED");
    }

    @Test
    void explainsTrustInTheHelpOfTrustAndUntrust() {
        CliHarness cli = new CliHarness(temp);

        assertThat(cli.run("config", "trust", "--help")).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("never in the folder", "Example", "t3 config trust");
        assertThat(cli.err()).isEmpty();
        assertThat(cli.run("config", "untrust", "--help")).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("Stop trusting", "Example");
    }

    @Test
    void configShowsWhatAnUntrustedFolderMayNotDo() throws IOException {
        CliHarness cli = inFolder(Folder.UNTRUSTED_WITH_STORED_LOGIN, "T3_CURL=/tmp/evil.sh\nT3_BASE_URL=" + ELSEWHERE
                + "\nT3_MODEL=gpt-4o\n");

        assertThat(cli.run("config")).isEqualTo(ExitCode.OK);

        assertThat(cli.out()).contains("this folder is not trusted")
                .containsPattern("T3_CURL = /tmp/evil.sh \\[.env file .* \\(not trusted\\)\\] \\(never used")
                .containsPattern("T3_BASE_URL = .* \\(used only with this .env's own credentials\\)")
                .containsPattern("T3_MODEL = gpt-4o \\[[^]]*\\]\n")
                .doesNotContain("BINDING-SECRET");
    }

    private void assertRefused(CliHarness cli, int code, String key, String way) {
        assertThat(code).as(cli.err()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.connections).isEmpty();
        assertThat(cli.err()).startsWith("t3: refusing to").contains(key, cli.workingDir.resolve(".env").toString(), way,
                "t3 config trust " + cli.workingDir).doesNotContain("BINDING-SECRET").doesNotContain(CONVEX);
    }

    private static void writeConfig(CliHarness cli, String text) throws IOException {
        Path configFile = cli.home.resolve(".config/t3chat4j/config.properties");
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, text);
        Files.setPosixFilePermissions(configFile, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(configFile.getParent(), PosixFilePermissions.fromString("rwx------"));
    }
}
