package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code t3 login} stores only credentials the server accepts (row 4 of the reliability table). */
class LoginTest {

    private static final String SECRET = "LOGIN-SECRET-TOKEN-42";

    private final FakeT3Server server = FakeT3Server.start();

    @TempDir
    Path home;

    private T3Runner t3;

    /** How t3 is run; the {@code *LauncherIT} subclass runs this class through the packaged launcher, cold and warm. */
    T3Runner.Mode mode() {
        return T3Runner.Mode.IN_PROCESS;
    }

    @BeforeEach
    void prepare() {
        t3 = mode().runner(home, java.util.Map.of());
    }

    @AfterEach
    void stop() {
        try {
            t3.close();
        } finally {
            server.close();
        }
    }

    private int login(String stdin, String... flags) {
        String[] args = new String[flags.length + 3];
        args[0] = "--base-url";
        args[1] = server.baseUrl().toString();
        args[2] = "login";
        System.arraycopy(flags, 0, args, 3, flags.length);
        return t3.runPiped(stdin, args);
    }

    private Path configFile() {
        return home.resolve(".config/t3chat4j/config.properties");
    }

    @Test
    void storesTheRenewedSession_afterTheServerAcceptedIt() {
        server.rotateSessionOnRefresh("renewed-" + SECRET);

        int code = login("theme=dark; wos-session=" + SECRET + "\ncvx\n");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(configFile()).content().contains("renewed-" + SECRET).contains("T3_LOGIN_ORIGIN");
        assertThat(server.requests("/api/trpc/getCustomerData")).hasSize(1);
        assertThat(t3.out() + t3.err()).doesNotContain(SECRET);
    }

    @Test
    void storesNothing_whenTheCookieStringHasNoWosSession() {
        int code = login("theme=dark\ncvx1\n");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("no wos-session").contains("Nothing stored");
        assertThat(configFile()).doesNotExist();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void storesNothing_whenTheServerRejectsTheSession() {
        server.route(FakeT3Server.ACTIVE_SESSIONS_PATH, (exchange, request) -> {
            byte[] body = "{\"error\":\"revoked\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });

        int code = login("wos-session=" + SECRET + "\ncvx\n");

        assertThat(code).isEqualTo(ExitCode.AUTH);
        assertThat(t3.err()).contains("did not accept").contains("nothing stored").doesNotContain(SECRET);
        assertThat(configFile()).doesNotExist();
    }

    @Test
    void saysWhatItSkipped_withNoCheck() {
        int code = login("wos-session=" + SECRET + "\ncvx\n", "--no-check");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).contains("without checking");
        assertThat(server.requests()).isEmpty();
        assertThat(configFile()).content().contains(SECRET);
    }
}
