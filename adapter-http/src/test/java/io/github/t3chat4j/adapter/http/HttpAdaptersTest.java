package io.github.t3chat4j.adapter.http;

import io.github.t3chat4j.adapter.http.internal.wiring.OpenedHttpAdapters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpAdaptersTest {

    private final Session session = Session.of("wos-session=adapters-test; theme=dark", "convex-adapters-test");

    @Test
    void sendsTheSameActiveSessionsRequest_forSessionRenewalAndForTheAccount() {
        try (FakeT3Server server = FakeT3Server.start();
                OpenedHttpAdapters http = Fixtures.open(Fixtures.config(server.baseUrl()))) {

            http.sessions().renewWosSession(session);
            http.accountReader().loadActiveSessions(session);

            List<RecordedRequest> sent = server.requests(FakeT3Server.ACTIVE_SESSIONS_PATH);
            assertThat(sent).hasSize(2);
            assertThat(sent.get(1).method()).isEqualTo(sent.get(0).method());
            assertThat(sent.get(1).query()).isEqualTo(sent.get(0).query());
            // The same request but for its fresh trace ids.
            assertThat(withoutTraceIds(sent.get(1).headers())).isEqualTo(withoutTraceIds(sent.get(0).headers()));
            assertThat(sent.get(0).header("trpc-accept")).hasValue("application/jsonl");
            assertThat(sent.get(0).header("x-trpc-source")).hasValue("web-client");
            assertThat(sent.get(0).header("content-type")).hasValue("application/json");
        }
    }

    private static java.util.Map<String, List<String>> withoutTraceIds(java.util.Map<String, List<String>> headers) {
        java.util.Map<String, List<String>> rest = new java.util.TreeMap<>(headers);
        rest.remove("b3");
        rest.remove("traceparent");
        return rest;
    }

    @Test
    void sendsNothing_whenCreatedOrOpened() {
        try (FakeT3Server server = FakeT3Server.start()) {
            HttpAdapters recipe = HttpAdapters.create(Fixtures.config(server.baseUrl()));
            try (OpenedHttpAdapters http = Fixtures.open(Fixtures.config(server.baseUrl()))) {

                assertThat(http.chat()).isNotNull();
                assertThat(server.requests()).isEmpty();
                assertThat(recipe).hasToString("HttpAdapters[" + server.baseUrl() + "]");
            }
        }
    }

    @Test
    void giveEachClientAConnectionPoolOfItsOwn_soClosingOneNeverBreaksAnother() {
        try (FakeT3Server server = FakeT3Server.start()) {
            HttpAdapters shared = HttpAdapters.create(Fixtures.config(server.baseUrl()));
            T3Client first = T3Client.builder().session(session).adapters(shared).build();
            try (T3Client second = T3Client.builder().session(session).adapters(shared).build()) {
                first.send("one");

                first.close();

                assertThat(second.send("two").text()).isEqualTo("Echo(1): two");
                assertThat(T3Client.builder().session(session).adapters(shared).build().send("three").text())
                        .isEqualTo("Echo(1): three");
            }
        }
    }

    @Test
    void giveTheClientEveryPort_andRequireCredentials() {
        try (FakeT3Server server = FakeT3Server.start()) {
            assertThatThrownBy(() -> T3Client.builder()
                    .adapters(HttpAdapters.create(Fixtures.config(server.baseUrl()))).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("No credentials");

            try (T3Client client = T3Client.builder().session(session)
                    .adapters(HttpAdapters.create(Fixtures.config(server.baseUrl()))).build()) {
                client.init();

                assertThat(client.send("Hello").text()).isEqualTo("Echo(1): Hello");
                assertThat(client.account().credits().balance()).isEqualByComparingTo("1000");
                assertThat(client.account().subscription().paid()).isTrue();
                assertThat(client.account().activeSessions()).isNotEmpty();
                assertThat(client.account().modelStatuses()).isNotEmpty();
                assertThat(client.account().models(false).find("kimi-k2.5")).isPresent();
            }
        }
    }
}
