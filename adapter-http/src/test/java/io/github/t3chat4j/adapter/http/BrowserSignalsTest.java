package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.adapter.http.internal.wiring.OpenedHttpAdapters;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What t3.chat's own web client sends beside the protocol's fields (PROTOCOL.md section 9), over the fake
 * t3.chat on loopback: {@code x-client-context} (the site's value, or the user's), {@code x-deployment-id}
 * from the {@code __vdpl} cookie, fresh {@code b3} and {@code traceparent} ids on every request, the chat's
 * {@code hcaptchaToken}, the client hints and {@code priority}, in Chrome's order of header fields; each
 * can be changed, and none shows in a message.
 */
class BrowserSignalsTest {

    private static final String DEPLOYMENT = "dpl_SECRET9f8e7d";
    private static final String TOKEN = "P1_SECRET-captcha-token";

    private FakeT3Server server;

    @BeforeEach
    void start() {
        server = FakeT3Server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Session pinned() {
        return Session.of(Fixtures.COOKIE_HEADER + "; __vdpl=" + DEPLOYMENT, Fixtures.CONVEX_ID);
    }

    @Test
    void sendsTheSitesClientContext_theDeploymentOfTheCookie_andFreshTraceIds() throws Exception {
        try (OpenedHttpAdapters http = Fixtures.open(HttpAdapters.create(Fixtures.config(server.baseUrl())))) {
            chat(http, pinned());
            chat(http, pinned());
            http.accountReader().loadCustomerData(pinned());
        }

        List<RecordedRequest> chats = server.requests("/api/chat");
        for (RecordedRequest sent : server.requests().stream().filter(r -> r.path().startsWith("/api/")).toList()) {
            assertThat(sent.header("x-client-context")).hasValue(HttpConfig.BrowserSignals.DEFAULT_CLIENT_CONTEXT);
            assertThat(sent.header("x-deployment-id")).hasValue(DEPLOYMENT);
            assertThat(sent.header("traceparent")).hasValueSatisfying(v -> assertThat(v)
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
            String[] trace = sent.header("traceparent").orElseThrow().split("-");
            assertThat(sent.header("b3")).hasValue(trace[1] + "-" + trace[2] + "-1");
            assertThat(sent.header("sec-ch-ua")).hasValueSatisfying(v -> assertThat(v).contains("\"Google Chrome\""));
            assertThat(sent.header("priority")).hasValue("u=1, i");
        }
        assertThat(chats.get(0).header("traceparent")).isNotEqualTo(chats.get(1).header("traceparent"));
        assertThat(new ObjectMapper().readTree(chats.get(0).body()).path("hcaptchaToken").isTextual()).isTrue();
        assertThat(new ObjectMapper().readTree(chats.get(0).body()).path("hcaptchaToken").asText()).isEmpty();
    }

    @Test
    void sendsNoDeploymentId_withoutTheCookie_andTheHomePageNoAppHeaders() {
        try (OpenedHttpAdapters http = Fixtures.open(HttpAdapters.create(Fixtures.config(server.baseUrl())))) {
            chat(http, Fixtures.session());
            http.sessions().initialize(Fixtures.session());
        }

        assertThat(server.lastRequest("/api/chat").orElseThrow().header("x-deployment-id")).isEmpty();
        RecordedRequest home = server.lastRequest("/").orElseThrow();
        assertThat(home.header("x-client-context")).isEmpty();
        assertThat(home.header("traceparent")).isEmpty();
        assertThat(home.header("sec-fetch-mode")).hasValue("navigate");
    }

    @Test
    void sendsWhatTheUserSet_insteadOfTheSitesOwn() throws Exception {
        HttpConfig.BrowserSignals mine = HttpConfig.BrowserSignals.DEFAULTS.withClientContext("my-context")
                .withDeploymentId("dpl_mine").withHcaptchaToken(TOKEN).withTraceHeaders(false);
        try (OpenedHttpAdapters http = Fixtures.open(HttpAdapters.create(Fixtures.config(server.baseUrl()).withSignals(mine)))) {
            chat(http, pinned());
        }

        RecordedRequest sent = server.lastRequest("/api/chat").orElseThrow();
        assertThat(sent.header("x-client-context")).hasValue("my-context");
        assertThat(sent.header("x-deployment-id")).hasValue("dpl_mine");
        assertThat(sent.header("traceparent")).isEmpty();
        assertThat(sent.header("b3")).isEmpty();
        assertThat(new ObjectMapper().readTree(sent.body()).path("hcaptchaToken").asText()).isEqualTo(TOKEN);
        assertThat(mine.toString()).doesNotContain("my-context").doesNotContain(TOKEN).doesNotContain("dpl_mine");
    }

    @Test
    void sendsNoClientContext_whenTheUserSaysNone() {
        HttpConfig.BrowserSignals none = HttpConfig.BrowserSignals.DEFAULTS.withClientContext("");
        try (OpenedHttpAdapters http = Fixtures.open(HttpAdapters.create(Fixtures.config(server.baseUrl()).withSignals(none)))) {
            chat(http, Fixtures.session());
        }

        assertThat(server.lastRequest("/api/chat").orElseThrow().header("x-client-context")).isEmpty();
    }

    @Test
    void keepsTheSignalsOutOfMessages() {
        server.enqueueChat(exchange -> exchange.json(418, "{\"error\":\"no " + DEPLOYMENT + "\"}"));
        HttpConfig.BrowserSignals mine = HttpConfig.BrowserSignals.DEFAULTS.withHcaptchaToken(TOKEN);

        try (OpenedHttpAdapters http = Fixtures.open(HttpAdapters.create(Fixtures.config(server.baseUrl()).withSignals(mine)
                .withMaxRetries(0)))) {
            assertThatThrownBy(() -> chat(http, pinned())).hasMessageContaining("HTTP 418")
                    .hasMessageNotContaining(TOKEN).hasMessageNotContaining(Fixtures.WOS_SESSION);
        }
    }

    @Test
    void sendsTheFieldsInChromesOrder() throws Exception {
        String reply = "data: {\"type\":\"finish\",\"finishReason\":\"stop\"}\n\ndata: [DONE]\n\n";
        try (RawHttpServer raw = new RawHttpServer("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
                + "content-length: " + reply.length() + "\r\nconnection: close\r\n\r\n" + reply);
                OpenedHttpAdapters http = Fixtures.open(HttpAdapters.create(Fixtures.config(raw.baseUrl())))) {
            chat(http, pinned());

            List<String> names = Arrays.stream(raw.heads().get(0).split("\r\n")).skip(1).filter(l -> l.contains(":"))
                    .map(l -> l.substring(0, l.indexOf(':')).toLowerCase(Locale.ROOT))
                    .filter(n -> !n.equals("host") && !n.equals("connection") && !n.equals("content-length"))
                    .toList();
            assertThat(names).containsExactly("sec-ch-ua-platform", "x-client-context", "accept-language", "sec-ch-ua",
                    "sec-ch-ua-mobile", "traceparent", "user-agent", "accept", "content-type", "x-deployment-id", "b3",
                    "origin", "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest", "referer", "cookie", "priority");
        }
    }

    private static void chat(OpenedHttpAdapters http, Session session) {
        try (ChatStream stream = http.chat().open(Fixtures.request(session))) {
            stream.events().forEach(e -> { });
        }
    }
}
