package io.github.t3chat4j.adapter.http.trpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.port.in.TrackCreditsCommand;
import io.github.t3chat4j.application.port.in.TrackCreditsResult;
import io.github.t3chat4j.application.service.TrackCreditsService;
import io.github.t3chat4j.domain.account.CreditUsage.Trust;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.trpc.FakeTrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The credit tracking use case over the real tRPC adapter, against the fake server's settling balance. */
class CreditTrackingLoopbackTest {

    private static final String CHAT_BODY = """
            {"messages":[{"id":"m1","parts":[{"type":"text","text":"hi"}],"role":"user","attachments":[]}],
             "threadMetadata":{"id":"t1","title":""},"clientAuth":{"isSignedIn":true},"responseMessageId":"r1",
             "model":"gemini-2.5-flash-lite","convexSessionId":"c","modelParams":{},"preferences":{},
             "userConfiguration":{},"userInfo":{},"isEphemeral":false}""";

    private final Session session = Session.of("wos-session=secret", "convex-secret");
    private final List<Duration> sleeps = new ArrayList<>();
    private FakeT3Server server;
    private FakeTrpc trpc;
    private CloseableHttpClient http;
    private ExecutorService executor;
    private TrackCreditsService service;

    @BeforeEach
    void start() {
        server = FakeT3Server.start();
        trpc = FakeTrpc.install(server);
        http = HttpClients.custom().disableCookieManagement().disableAutomaticRetries().build();
        executor = Executors.newSingleThreadExecutor();
        TrpcAccountAdapter adapter = new TrpcAccountAdapter(
                new TrpcClient(HttpConfig.defaults(server.baseUrl()), http, new ObjectMapper()), Set.of());
        service = new TrackCreditsService(adapter, executor, sleeps::add);
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        http.close();
        server.close();
    }

    @Test
    void reportsWhatAChatCost_whenTheBalanceDrops() {
        TrackCreditsResult<String> first = service.trackCredits(TrackCreditsCommand.of(session), this::chat, r -> r);
        TrackCreditsResult<String> second = service.trackCredits(TrackCreditsCommand.of(session), this::chat, r -> r);

        assertThat(first.usage().trust()).isEqualTo(Trust.TRUSTED);
        assertThat(first.usage().deducted()).contains(BigDecimal.valueOf(FakeTrpc.COST_PER_CHAT));
        assertThat(first.usage().finishReason()).isEqualTo("stop");
        assertThat(second.usage().deducted()).contains(BigDecimal.valueOf(FakeTrpc.COST_PER_CHAT));
        assertThat(second.usage().after()).contains(BigDecimal.valueOf(FakeTrpc.STARTING_BALANCE - 24));
        assertThat(server.requests("/api/chat")).hasSize(2);
    }

    @Test
    void saysUnchanged_whenTheBalanceNeverChanges() {
        trpc.balanceMode(FakeTrpc.BalanceMode.NEVER_CHANGES);

        TrackCreditsResult<String> result = service.trackCredits(TrackCreditsCommand.of(session), this::chat, r -> r);

        assertThat(result.usage().trust()).isEqualTo(Trust.UNCHANGED);
        assertThat(result.usage().describe()).isEqualTo("unknown: unchanged after 8 polls");
        assertThat(sleeps).hasSize(8);
        assertThat(server.requests("/api/trpc/getCustomerData")).hasSize(9);
    }

    @Test
    void saysUnreliable_whenTheServerFlagsTheBalance() {
        trpc.balanceMode(FakeTrpc.BalanceMode.UNRELIABLE);

        TrackCreditsResult<String> result = service.trackCredits(TrackCreditsCommand.of(session), () -> {
            trpc.charge();
            return "stop";
        }, r -> r);

        assertThat(result.usage().trust()).isEqualTo(Trust.UNRELIABLE);
        assertThat(result.usage().deducted()).isEmpty();
    }

    @Test
    void saysUnreadable_whenTheSessionIsRejected() {
        Session rejected = Session.of("theme=dark", "convex-secret");

        TrackCreditsResult<String> result = service.trackCredits(TrackCreditsCommand.of(rejected), this::chat, r -> r);

        assertThat(result.usage().trust()).isEqualTo(Trust.UNREADABLE);
        assertThat(result.usage().reason()).contains("HTTP 401").doesNotContain("secret");
    }

    private String chat() {
        HttpPost post = new HttpPost(server.baseUrl() + "/api/chat");
        post.setHeader("Cookie", session.cookies().headerValue());
        post.setEntity(new StringEntity(CHAT_BODY, ContentType.APPLICATION_JSON));
        try {
            return http.execute(post, response -> response.getCode() == 200 ? "stop" : "error");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
