package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which address may get which credentials, for every source of each (row 1 of the reliability table). */
class CredentialBindingTest {

    private static final String ELSEWHERE = "http://127.0.0.1:9";
    private static final String SECRET = "wos-session=BINDING-SECRET-1234";

    @TempDir
    Path temp;

    enum Where { FLAG, ENVIRONMENT, DOTENV, CONFIG_FILE, NOWHERE }

    static Stream<Arguments> cases() {
        return Stream.of(
                // A stored login goes only to its own origin, whoever points elsewhere.
                Arguments.of(Where.CONFIG_FILE, Where.DOTENV, false),
                Arguments.of(Where.CONFIG_FILE, Where.ENVIRONMENT, false),
                Arguments.of(Where.CONFIG_FILE, Where.CONFIG_FILE, false),
                Arguments.of(Where.CONFIG_FILE, Where.FLAG, false),
                Arguments.of(Where.CONFIG_FILE, Where.NOWHERE, true),
                // Credentials from the environment follow an address set by the same hand, and no other.
                Arguments.of(Where.ENVIRONMENT, Where.FLAG, true),
                Arguments.of(Where.ENVIRONMENT, Where.ENVIRONMENT, true),
                Arguments.of(Where.ENVIRONMENT, Where.DOTENV, false),
                Arguments.of(Where.ENVIRONMENT, Where.CONFIG_FILE, false),
                Arguments.of(Where.ENVIRONMENT, Where.NOWHERE, true),
                // A .env's own credentials may go where that folder says.
                Arguments.of(Where.DOTENV, Where.DOTENV, true),
                Arguments.of(Where.DOTENV, Where.FLAG, true),
                Arguments.of(Where.DOTENV, Where.CONFIG_FILE, true));
    }

    @ParameterizedTest(name = "credentials from {0}, address from {1}: sent = {2}")
    @MethodSource("cases")
    void sendsCredentialsOnlyWhereTheyBelong(Where credentials, Where address, boolean sent) throws IOException {
        CliHarness cli = new CliHarness(temp);
        StringBuilder config = new StringBuilder();
        StringBuilder dotEnv = new StringBuilder();
        switch (credentials) {
            case CONFIG_FILE -> config.append("COOKIES=").append(SECRET.replace("=", "\\=")).append('\n');
            case ENVIRONMENT -> cli.env.put("COOKIES", SECRET);
            case DOTENV -> dotEnv.append("COOKIES=").append(SECRET).append('\n');
            default -> throw new IllegalArgumentException(credentials.name());
        }
        cli.env.put("CONVEX_SESSION_ID", "cvx");
        String[] args = {"ask", "hi"};
        switch (address) {
            case FLAG -> args = new String[] {"--base-url", ELSEWHERE, "ask", "hi"};
            case ENVIRONMENT -> cli.env.put("T3_BASE_URL", ELSEWHERE);
            case DOTENV -> dotEnv.append("T3_BASE_URL=").append(ELSEWHERE).append('\n');
            case CONFIG_FILE -> config.append("T3_BASE_URL=").append(ELSEWHERE.replace(":", "\\:")).append('\n');
            case NOWHERE -> { }
            default -> throw new IllegalArgumentException(address.name());
        }
        Path configFile = cli.home.resolve(".config/t3chat4j/config.properties");
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, config);
        Files.writeString(cli.workingDir.resolve(".env"), dotEnv);

        int code = cli.run(args);

        if (sent) {
            assertThat(code).as(cli.err()).isEqualTo(ExitCode.OK);
            assertThat(cli.connections).hasSize(1);
        } else {
            assertThat(code).isEqualTo(ExitCode.USAGE);
            assertThat(cli.connections).isEmpty();
            assertThat(cli.err()).contains("refusing to send your t3.chat credentials to " + ELSEWHERE)
                    .contains("--base-url").doesNotContain("BINDING-SECRET");
        }
    }
}
