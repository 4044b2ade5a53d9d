package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.testkit.EventStreamWriter;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import io.github.t3chat4j.testkit.Scenarios;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients made one after the other over one {@link HttpAdapters.ConnectionPools}, as the warm process makes one per
 * run: the next finds the previous one's connection open (over TLS and HTTP/2, as to t3.chat), yet every
 * request carries only its own client's session, and closing one client breaks only its own reply.
 */
class ConnectionPoolsTest {

    private final FakeT3Server server = FakeT3Server.startSecure();
    private final HttpAdapters.ConnectionPools pools = HttpAdapters.ConnectionPools.create(4, Duration.ofMinutes(5));

    @AfterEach
    void stop() {
        pools.close();
        server.close();
    }

    private T3Client client(String wosSession) {
        HttpConfig config = Fixtures.config(server.baseUrl()).withTrustedCertificates(server.certificateFile());
        return T3Client.builder().cookies("wos-session=" + wosSession).convexSessionId("cvx-" + wosSession)
                .adapters(HttpAdapters.create(config, HttpAdapters.Programs.current(),
                        HttpAdapters.FallbackListener.NONE, pools)).build();
    }

    @Test
    void theNextClientReusesThePreviousOnesConnection_sendingOnlyItsOwnSession() {
        try (T3Client first = client("first")) {
            first.refreshSession();
            first.send("one");
        }
        try (T3Client second = client("second")) {
            second.send("two");
        }

        RecordedRequest one = server.requests("/api/chat").get(0);
        RecordedRequest two = server.requests("/api/chat").get(1);
        List<RecordedRequest> all = server.requests();
        int secondsFirst = all.indexOf(server.requests(FakeT3Server.ACTIVE_SESSIONS_PATH).get(1));
        List<Integer> firstClientsPorts = all.subList(0, secondsFirst).stream().map(RecordedRequest::clientPort)
                .toList();
        // The second client's first request (its session's renewal) goes over the first client's connection.
        // (Its chat may take another: the renewal's stream is reset once its header is read, and HttpClient
        // hands that connection back a moment later; the pool then holds both for the runs to come.)
        assertThat(two.protocol()).isEqualTo("HTTP/2.0");
        assertThat(all.get(secondsFirst).clientPort()).isNotEqualTo(-1).isIn(firstClientsPorts);
        assertThat(one.cookie("wos-session")).hasValue("first");
        assertThat(two.cookie("wos-session")).hasValue("second");
        assertThat(two.header("cookie").orElseThrow()).doesNotContain("first");
        assertThat(two.body()).contains("cvx-second").doesNotContain("cvx-first");
        assertThat(pools.size()).isEqualTo(1);
    }

    @Test
    void closingAClient_breaksItsOwnReplyOnly() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.enqueueChat(exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(Scenarios.textDelta("t", "held "));
            release.await(30, TimeUnit.SECONDS);
            out.event(Scenarios.finish("stop")).done();
        });
        T3Client held = client("held");
        CompletableFuture<Message> reply = held.sendAsync("hold on", e -> { });
        while (server.requests("/api/chat").isEmpty()) {
            Thread.sleep(10);
        }

        try (T3Client other = client("other")) {
            held.close();
            Message answer = other.send("still here?");
            assertThat(answer.text()).isEqualTo("Echo(1): still here?");
        } finally {
            release.countDown();
        }

        assertThat(reply.handle((message, failure) -> failure != null || !message.isComplete()).get(30, TimeUnit.SECONDS))
                .as("the closed client's reply ended unfinished").isTrue();
    }
}
