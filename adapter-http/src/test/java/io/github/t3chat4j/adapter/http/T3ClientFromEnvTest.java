package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code T3Client.fromEnv}: one line to a client, the HTTP adapters found on the class path. */
class T3ClientFromEnvTest {

    private final FakeT3Server server = FakeT3Server.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reachesTheFakeServer_fromItsEnvironment_onTheFirstTry() {
        try (T3Client client = T3Client.fromEnv(server.environment())) {
            assertThat(client.send("Hello").text()).isEqualTo("Echo(1): Hello");
        }

        assertThat(server.lastRequest("/api/chat").orElseThrow().cookie("wos-session")).hasValue("fake-wos-session");
    }

    @Test
    void takesTheDefaultModelAndTheSystemPrompt_fromTheirVariables() {
        Map<String, String> env = server.environment();
        env.put("T3_MODEL", "claude-4-sonnet");
        env.put("T3_SYSTEM_PROMPT", "Be brief.");

        try (T3Client client = T3Client.fromEnv(env)) {
            assertThat(client.options().model()).isEqualTo(ModelId.of("claude-4-sonnet"));
            client.send("hi");
        }

        assertThat(server.lastRequest("/api/chat").orElseThrow().body()).contains("claude-4-sonnet", "Be brief.");
    }

    @Test
    void namesTheVariable_thatIsMissingOrCannotWork_andNeverQuotesASecret() {
        Map<String, String> noCookies = server.environment();
        noCookies.remove("COOKIES");
        Map<String, String> badTransport = server.environment();
        badTransport.put("T3_TRANSPORT", "pigeon");
        Map<String, String> badZone = server.environment();
        badZone.put("T3_TIMEZONE", "Mars/Olympus");
        Map<String, String> badProxy = server.environment();
        badProxy.put("T3_PROXY", "ftp://user:SECRET-PW@proxy.example/x");

        assertThatThrownBy(() -> T3Client.fromEnv(noCookies)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("COOKIES");
        assertThatThrownBy(() -> T3Client.fromEnv(badTransport)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pigeon");
        assertThatThrownBy(() -> T3Client.fromEnv(badZone)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("T3_TIMEZONE");
        assertThatThrownBy(() -> T3Client.fromEnv(badProxy)).isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("SECRET-PW");
        assertThat(server.requests()).isEmpty();
    }
}
