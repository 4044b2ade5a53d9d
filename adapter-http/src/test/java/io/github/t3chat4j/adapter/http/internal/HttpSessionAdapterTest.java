package io.github.t3chat4j.adapter.http.internal;

import io.github.t3chat4j.adapter.http.Wire;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.adapter.http.Fixtures;
import io.github.t3chat4j.adapter.http.HttpConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.chat.HttpChatAdapter;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ParameterizedClass(name = "{0}")
@EnumSource(Wire.class)
class HttpSessionAdapterTest {

    @Parameter
    Wire wire;

    private FakeT3Server server;
    private TestPipeline pipeline;
    private HttpSessionAdapter session;

    @BeforeEach
    void start() {
        server = wire.start();
        pipeline = TestPipeline.of(wire.config(server));
        session = new HttpSessionAdapter(pipeline, pipeline.site());
    }

    @AfterEach
    void stop() {
        pipeline.close();
        server.close();
    }

    @Test
    void initializesSession_withCookieAndBrowserHeaders() {
        session.initialize(Fixtures.session());

        RecordedRequest home = server.lastRequest("/").orElseThrow();
        assertThat(home.method()).isEqualTo("GET");
        assertThat(home.header("cookie")).hasValue(Fixtures.COOKIE_HEADER);
        assertThat(home.header("user-agent")).hasValue(HttpConfig.DEFAULT_USER_AGENT);
        assertThat(home.header("accept-language")).isPresent();
    }

    @Test
    void throwsSessionExpired_when401OnInitialize() {
        server.route("/", (exchange, request) -> {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });

        assertThatThrownBy(() -> session.initialize(Fixtures.session()))
                .isInstanceOf(SessionExpiredException.class).hasMessageContaining("401");
    }

    @Test
    void returnsRotatedToken_whenServerRotatesTheSession() {
        server.rotateSessionOnRefresh("wos-ROTATED-2");

        assertThat(session.renewWosSession(Fixtures.session())).hasValue("wos-ROTATED-2");

        RecordedRequest refresh = server.lastRequest(FakeT3Server.ACTIVE_SESSIONS_PATH).orElseThrow();
        assertThat(refresh.method()).isEqualTo("GET");
        assertThat(refresh.query()).startsWith("batch=1&input=");
        assertThat(URLDecoder.decode(refresh.query().substring("batch=1&input=".length()), StandardCharsets.UTF_8))
                .isEqualTo("{\"0\":{\"json\":{\"includeLocation\":false}}}");
        assertThat(refresh.header("cookie")).hasValue(Fixtures.COOKIE_HEADER);
        assertThat(refresh.header("content-type")).hasValue("application/json");
        assertThat(refresh.header("trpc-accept")).hasValue("application/jsonl");
    }

    @Test
    void returnsEmpty_whenServerDoesNotRotate() {
        assertThat(session.renewWosSession(Fixtures.session())).isEmpty();
    }

    @Test
    void throwsSessionExpired_when401OnRefresh() {
        Session withoutWosSession = Session.of("cf_clearance=" + Fixtures.OTHER_COOKIE, Fixtures.CONVEX_ID);

        assertThatThrownBy(() -> session.renewWosSession(withoutWosSession))
                .isInstanceOf(SessionExpiredException.class);
    }

    @Test
    void recoversAnExpiredSession_afterRefresh_throughT3Client() {
        server.expireSessionUntilRefresh("wos-ROTATED-3");
        try (T3Client client = T3Client.builder().session(Fixtures.session())
                .chatTransport(new HttpChatAdapter(pipeline, pipeline.site(), new ObjectMapper()))
                .adapters(io.github.t3chat4j.adapter.http.Fixtures.sessions(session)).build()) {

            Message reply = client.send("Hello");

            assertThat(reply.text()).isEqualTo("Echo(1): Hello");
            assertThat(client.session().cookies().get("wos-session")).hasValue("wos-ROTATED-3");
            assertThat(client.session().cookies().get("cf_clearance")).hasValue(Fixtures.OTHER_COOKIE);
            assertThat(server.lastRequest("/api/chat").orElseThrow().cookie("wos-session")).hasValue("wos-ROTATED-3");
        }
    }
}
