package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.testkit.EventStreamWriter;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import io.github.t3chat4j.testkit.Scenarios;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sends in a row reuse one pooled connection once each reply has finished. */
class ConnectionReuseTest {

    private static T3Client client(FakeT3Server server) {
        return T3Client.builder().cookies("wos-session=reuse").convexSessionId("cvx")
                .adapters(HttpAdapters.create(HttpConfig.defaults(server.baseUrl()))).build();
    }

    @Test
    void reusesTheConnection_forTheNextSend_afterAFinishedReply() {
        try (FakeT3Server server = FakeT3Server.start();
                T3Client client = client(server)) {

            client.send("one");
            client.send("two");
            client.send("three");

            assertThat(server.requests("/api/chat")).extracting(RecordedRequest::clientPort)
                    .doesNotContain(-1).containsOnly(server.requests("/api/chat").get(0).clientPort());
        }
    }

    @Test
    void dropsTheConnection_whenTheTailAfterFinishNeverComes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeT3Server server = FakeT3Server.start();
                T3Client client = client(server)) {
            server.enqueueChat(exchange -> {
                EventStreamWriter out = exchange.startEventStream();
                out.event(Scenarios.textDelta("t", "done")).event(Scenarios.finish("stop"));
                release.await(30, TimeUnit.SECONDS); // no [DONE], no end of body: a stalled tail
            });

            Message first = client.send("one");
            Message second = client.send("two");
            release.countDown();

            assertThat(first.text()).isEqualTo("done");
            assertThat(first.isComplete()).isTrue();
            assertThat(second.text()).isEqualTo("Echo(3): two");
            assertThat(server.requests("/api/chat").get(1).clientPort())
                    .isNotEqualTo(server.requests("/api/chat").get(0).clientPort());
        }
    }
}
