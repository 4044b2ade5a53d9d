package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    private static final String SECRET_COOKIES = "wos-session=SECRETSECRETSECRET12345; theme=dark";
    private static final String SECRET_CONVEX = "CONVEXSECRET987654321";

    @TempDir
    Path temp;

    @Test
    void flagsWinOverEnvironmentOverDotEnvOverConfigFile() throws Exception {
        CliHarness cli = new CliHarness(temp).withCredentials();
        Path configFile = temp.resolve("xdg").resolve("t3chat4j").resolve("config.properties");
        cli.env.put("XDG_CONFIG_HOME", temp.resolve("xdg").toString());
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, "T3_MODEL=from-config\nT3_LOCALE=de-DE\n");
        Files.writeString(cli.workingDir.resolve(".env"),
                "# a comment\nT3_MODEL=\"from-dotenv\"\nexport T3_SYSTEM_PROMPT='be brief'\n");
        cli.env.put("T3_MODEL", "from-env");

        cli.run("ask", "--model", "from-flag", "hi");
        assertThat(cli.port.lastRequest().model().value()).isEqualTo("from-flag");

        cli.run("ask", "hi");
        assertThat(cli.port.lastRequest().model().value()).isEqualTo("from-env");
        assertThat(cli.port.lastRequest().settings().systemPrompt()).isEqualTo("be brief");
        assertThat(cli.port.lastRequest().settings().locale()).isEqualTo("de-DE");

        cli.env.remove("T3_MODEL");
        cli.run("ask", "hi");
        assertThat(cli.port.lastRequest().model().value()).isEqualTo("from-dotenv");

        Files.delete(cli.workingDir.resolve(".env"));
        cli.run("ask", "hi");
        assertThat(cli.port.lastRequest().model().value()).isEqualTo("from-config");

        cli.run("config");
        assertThat(cli.out()).contains("T3_MODEL = from-config [config file]", "COOKIES = ", "[environment]",
                "T3_TIMEZONE = (not set)");
    }

    @Test
    void takesTheWarmProcessSettingsFromTheEnvironmentAndConfigFile_neverFromAFoldersDotEnv() throws Exception {
        CliHarness cli = new CliHarness(temp).withCredentials();
        Path configFile = temp.resolve("xdg").resolve("t3chat4j").resolve("config.properties");
        cli.env.put("XDG_CONFIG_HOME", temp.resolve("xdg").toString());
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, "T3_DAEMON_IDLE=2m\n");
        Files.writeString(cli.workingDir.resolve(".env"), "T3_DAEMON=off\nT3_DAEMON_IDLE=1s\n");

        int code = cli.run("config");

        assertThat(code).isZero();
        assertThat(cli.out()).contains("T3_DAEMON = (not set)", "T3_DAEMON_IDLE = 2m [config file]");
        assertThat(cli.err()).contains("T3_DAEMON in the .env file is ignored: where your runs are served is yours"
                + " to say, in the environment or the config file.");
    }

    @Test
    void baseUrlFlagWinsOverEnvironment() {
        CliHarness cli = new CliHarness(temp).withCredentials();
        cli.env.put("T3_BASE_URL", "http://from-env.test");

        cli.run("--base-url", "http://from-flag.test", "ask", "hi");
        assertThat(cli.connections.get(0).baseUrl()).hasToString("http://from-flag.test");

        cli.run("ask", "hi");
        assertThat(cli.connections.get(1).baseUrl()).hasToString("http://from-env.test");
    }

    @Test
    void dotEnvParsing() {
        Map<String, String> values = ConfigResolver.parseDotEnv(List.of(
                "# comment", "", "A=1", "export B = two ", "C=\"quoted # not a comment\"", "D='single'",
                "E=value # trailing comment", "not a pair"));

        assertThat(values).containsExactly(Map.entry("A", "1"), Map.entry("B", "two"),
                Map.entry("C", "quoted # not a comment"), Map.entry("D", "single"), Map.entry("E", "value"));
    }

    @Test
    void dotEnvParsing_skipsACommentAfterExport() {
        // Found by ConfigResolverFuzzTest: "export #X=1" used to set a setting named "#X".
        Map<String, String> values = ConfigResolver.parseDotEnv(List.of("export #X=1", "export   # note", "Y=2"));

        assertThat(values).containsExactly(Map.entry("Y", "2"));
    }

    @Test
    void loginStoresOwnerOnlyAndConfigMasksSecrets() throws Exception {
        CliHarness cli = new CliHarness(temp);
        cli.stdinIsTerminal = false;
        cli.stdin = SECRET_COOKIES + "\n" + SECRET_CONVEX + "\n";

        int code = cli.run("login");

        assertThat(code).as(cli.err()).isEqualTo(ExitCode.OK);
        Path file = cli.home.resolve(".config").resolve("t3chat4j").resolve("config.properties");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.list(file.getParent())).containsExactly(file);
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            stored.load(reader);
        }
        assertThat(stored.getProperty("COOKIES")).contains("SECRETSECRETSECRET12345");
        assertThat(stored.getProperty("CONVEX_SESSION_ID")).isEqualTo(SECRET_CONVEX);
        assertThat(stored.getProperty("T3_LOGIN_ORIGIN")).isEqualTo("https://t3.chat");
        assertThat(cli.connections.get(0).cookies()).isEqualTo(SECRET_COOKIES);
        assertThat(cli.out() + cli.err()).doesNotContain("SECRETSECRET", SECRET_CONVEX);

        cli.stdin = "";
        assertThat(cli.run("config")).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("COOKIES = wos-se…(", "chars) [config file]",
                "CONVEX_SESSION_ID = ", "[config file]");
        assertThat(cli.out() + cli.err()).doesNotContain("SECRETSECRET", SECRET_CONVEX);

        cli.run("ask", "hi");
        assertThat(cli.connections.get(1).cookies()).contains("SECRETSECRETSECRET12345");

        assertThat(cli.run("logout")).isEqualTo(ExitCode.OK);
        Properties after = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            after.load(reader);
        }
        assertThat(after).doesNotContainKeys("COOKIES", "CONVEX_SESSION_ID", "T3_LOGIN_ORIGIN");
        assertThat(cli.run("ask", "hi")).isEqualTo(ExitCode.AUTH);
    }

    @Test
    void loginWithoutACookieStoresNothing() {
        CliHarness cli = new CliHarness(temp);
        cli.stdinIsTerminal = false;
        cli.stdin = "\n";

        assertThat(cli.run("login")).isEqualTo(ExitCode.USAGE);
        assertThat(cli.home.resolve(".config")).doesNotExist();
    }

    @Test
    void maskShowsOnlyAPrefixAndTheLength() {
        assertThat(Settings.mask("wos-session=abcdefghijklmnop")).isEqualTo("wos-se…(28 chars)");
        assertThat(Settings.mask("abc")).isEqualTo("…(3 chars)");
    }

    @Test
    void historyFileFollowsXdgStateThenHome() {
        CliHarness cli = new CliHarness(temp);

        cli.run("config");
        assertThat(cli.out()).contains("history:     " + cli.home.resolve(".local/state/t3chat4j/history"));

        cli.env.put("XDG_STATE_HOME", temp.resolve("state").toString());
        cli.run("config");
        assertThat(cli.out()).contains("history:     " + temp.resolve("state/t3chat4j/history"));
    }

    @Test
    void ignoresADotEnvThatIsNotUtf8_withAWarning_insteadOfFailingEveryCommand() throws Exception {
        CliHarness cli = new CliHarness(temp).withCredentials();
        Files.write(cli.workingDir.resolve(".env"), new byte[] {'T', '3', '_', 'M', 'O', 'D', 'E', 'L', '=', (byte) 0xff,
                (byte) 0xfe, '\n'});

        int code = cli.run("ask", "hi");

        assertThat(code).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.err()).containsOnlyOnce("is not UTF-8 text; its settings are ignored");
    }

    @Test
    void warnsOnce_whenOthersCanReadTheConfigFile() throws Exception {
        CliHarness cli = new CliHarness(temp).withCredentials();
        Path configFile = cli.home.resolve(".config/t3chat4j/config.properties");
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, "T3_MODEL=m\n");
        Files.setPosixFilePermissions(configFile, PosixFilePermissions.fromString("rw-r--r--"));

        cli.run("ask", "hi");

        assertThat(cli.err()).containsOnlyOnce("can be read by other users").contains("chmod 600");
    }
}
