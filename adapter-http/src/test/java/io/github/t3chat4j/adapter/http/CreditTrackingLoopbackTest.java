package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.http.internal.RecordingSleeper;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.TrackCreditsResult;
import io.github.t3chat4j.domain.account.CreditUsage.Trust;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.trpc.FakeTrpc;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The credits a send used, read over the real tRPC adapter against the fake server's settling balance. */
class CreditTrackingLoopbackTest {

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private FakeT3Server server;
    private FakeTrpc trpc;
    private ExecutorService executor;

    @BeforeEach
    void start() {
        server = FakeT3Server.start();
        trpc = FakeTrpc.install(server);
        executor = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        server.close();
    }

    private T3Client client(String cookies) {
        return T3Client.builder().cookies(cookies).convexSessionId("convex-secret")
                .adapters(HttpAdapters.create(Fixtures.config(server.baseUrl()), new RecordingSleeper()))
                .executor(executor).sleeper(sleeps::add).build();
    }

    @Test
    void reportsWhatAChatCost_whenTheBalanceDrops() {
        try (T3Client client = client("wos-session=secret")) {
            TrackCreditsResult<String> first = client.account().trackCredits(() -> chat(client), r -> r);
            TrackCreditsResult<String> second = client.account().trackCredits(() -> chat(client), r -> r);

            assertThat(first.usage().trust()).isEqualTo(Trust.TRUSTED);
            assertThat(first.usage().deducted()).contains(BigDecimal.valueOf(FakeTrpc.COST_PER_CHAT));
            assertThat(first.usage().finishReason()).isEqualTo("stop");
            assertThat(second.usage().deducted()).contains(BigDecimal.valueOf(FakeTrpc.COST_PER_CHAT));
            assertThat(second.usage().after()).contains(BigDecimal.valueOf(FakeTrpc.STARTING_BALANCE - 24));
            assertThat(server.requests("/api/chat")).hasSize(2);
        }
    }

    @Test
    void saysUnchanged_whenTheBalanceNeverChanges() {
        trpc.balanceMode(FakeTrpc.BalanceMode.NEVER_CHANGES);

        try (T3Client client = client("wos-session=secret")) {
            TrackCreditsResult<String> result = client.account().trackCredits(() -> chat(client), r -> r);

            assertThat(result.usage().trust()).isEqualTo(Trust.UNCHANGED);
            assertThat(result.usage().describe()).isEqualTo("unknown: unchanged after 8 polls");
            assertThat(sleeps).hasSize(8);
            assertThat(server.requests("/api/trpc/getCustomerData")).hasSize(9);
        }
    }

    @Test
    void saysUnreliable_whenTheServerFlagsTheBalance() {
        trpc.balanceMode(FakeTrpc.BalanceMode.UNRELIABLE);

        try (T3Client client = client("wos-session=secret")) {
            TrackCreditsResult<String> result = client.account().trackCredits(() -> {
                trpc.charge();
                return "stop";
            }, r -> r);

            assertThat(result.usage().trust()).isEqualTo(Trust.UNRELIABLE);
            assertThat(result.usage().deducted()).isEmpty();
        }
    }

    @Test
    void saysUnreadable_whenTheSessionIsRejected() {
        try (T3Client client = client("theme=dark")) {
            TrackCreditsResult<String> result = client.account().trackCredits(() -> "stop", r -> r);

            assertThat(result.usage().trust()).isEqualTo(Trust.UNREADABLE);
            assertThat(result.usage().reason()).contains("HTTP 401").doesNotContain("secret");
        }
    }

    private static String chat(T3Client client) {
        return client.send("hi").isComplete() ? "stop" : "error";
    }
}
