package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.AccountClient;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.testkit.FakeT3Server;
import org.junit.jupiter.api.Test;

/** The README's library example, as written there, against the fake server instead of t3.chat. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleWorks() {
        StringBuilder printed = new StringBuilder();
        try (FakeT3Server server = FakeT3Server.start()) {
            try (HttpAdapters http = HttpAdapters.create(HttpConfig.defaults(server.baseUrl()));
                    T3Client client = T3Client.builder()
                            .cookies("wos-session=readme; theme=dark")
                            .convexSessionId("\"readme-convex\"")
                            .chatTransport(http.chat())
                            .sessionRenewal(http.sessionRenewal())
                            .sessionInitializer(http.sessionInitializer())
                            .imageFetcher(http.imageFetcher())
                            .build()) {
                client.init();
                Message reply = client.send("gemini-2.5-flash-lite", "Hello!", ChatSettings.defaults(),
                        event -> {
                            if (event instanceof ChatEvent.TextDelta delta) {
                                printed.append(delta.text());
                            }
                        });
                Message second = client.send("gemini-2.5-flash-lite", "And in French?", ChatSettings.defaults());
                client.newConversation();

                assertThat(reply.text()).isEqualTo("Echo(1): Hello!");
                assertThat(second.text()).isEqualTo("Echo(3): And in French?");
                assertThat(client.messages()).isEmpty();
            }
            assertThat(printed).hasToString("Echo(1): Hello!");
            assertThat(server.requests("/")).hasSize(1);
            assertThat(server.requests(FakeT3Server.ACTIVE_SESSIONS_PATH)).hasSize(1);
        }
    }

    @Test
    void theReadmeAccountExampleWorks() {
        try (FakeT3Server server = FakeT3Server.start();
                HttpAdapters http = HttpAdapters.create(HttpConfig.defaults(server.baseUrl()));
                T3Client client = T3Client.builder().cookies("wos-session=readme").convexSessionId("cvx")
                        .chatTransport(http.chat()).sessionRenewal(http.sessionRenewal()).build()) {
            AccountClient account = AccountClient.create(http.customerData(), http.account(), http.modelInsights(),
                    http.modelCatalog());
            Session session = client.renewedSession();

            assertThat(account.credits(session).balance()).isEqualByComparingTo("1000");
            assertThatThrownBy(() -> account.resolveModel(session, "gemini-2.5-flsh"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Did you mean 'gemini-2.5-flash'?");
        }
    }
}
