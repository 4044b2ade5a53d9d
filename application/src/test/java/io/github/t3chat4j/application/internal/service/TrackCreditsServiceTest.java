package io.github.t3chat4j.application.internal.service;

import static io.github.t3chat4j.application.fixtures.AccountFixtures.aSession;
import static io.github.t3chat4j.application.fixtures.AccountFixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.internal.usecase.TrackCreditsCommand;
import io.github.t3chat4j.application.TrackCreditsResult;
import io.github.t3chat4j.domain.account.CreditUsage.Trust;
import io.github.t3chat4j.domain.account.CustomerData;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TrackCreditsServiceTest {

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    @Test
    void reportsTheDeduction_whenTheBalanceDropsAfterTheSend() {
        Function<io.github.t3chat4j.domain.session.Session, CustomerData> port = scripted(balance(1000), balance(1000), balance(1000), balance(988));

        TrackCreditsResult<String> result = service(port, Runnable::run).trackCredits(
                TrackCreditsCommand.defaults(), send("reply"), r -> "stop");

        assertThat(result.value()).isEqualTo("reply");
        assertThat(result.usage().isTrusted()).isTrue();
        assertThat(result.usage().deducted()).contains(BigDecimal.valueOf(12));
        assertThat(result.usage().finishReason()).isEqualTo("stop");
        assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200));
    }

    @Test
    void readsTheBalanceBeforeTheSendStarts() {
        Function<io.github.t3chat4j.domain.session.Session, CustomerData> port = session -> {
            events.add("read");
            return balance(events.contains("send") ? 990 : 1000);
        };

        TrackCreditsResult<String> result = service(port, Runnable::run).trackCredits(
                TrackCreditsCommand.defaults(), send("reply"), r -> "stop");

        assertThat(events).startsWith("read", "send");
        assertThat(result.usage().deducted()).contains(BigDecimal.TEN);
    }

    @Test
    void runsTheBeforeReadOnTheExecutor_soTheSendIsNotDelayed() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        List<String> threads = new ArrayList<>();
        Function<io.github.t3chat4j.domain.session.Session, CustomerData> port = session -> {
            synchronized (threads) {
                threads.add(Thread.currentThread().getName());
            }
            return balance(threads.size() == 1 ? 50 : 40);
        };
        try {
            TrackCreditsResult<String> result = service(port, executor).trackCredits(
                    TrackCreditsCommand.defaults(), () -> Thread.currentThread().getName(), r -> "stop");

            assertThat(threads.get(0)).isNotEqualTo(result.value());
            assertThat(result.usage().deducted()).contains(BigDecimal.TEN);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void saysUnchanged_whenTheBalanceNeverChangesWithinTheBound() {
        Function<io.github.t3chat4j.domain.session.Session, CustomerData> port = session -> balance(1000);

        TrackCreditsResult<String> result = service(port, Runnable::run).trackCredits(
                TrackCreditsCommand.defaults(), send("reply"), r -> "stop");

        assertThat(result.usage().trust()).isEqualTo(Trust.UNCHANGED);
        assertThat(result.usage().deducted()).isEmpty();
        assertThat(result.usage().reason()).isEqualTo("unchanged after 8 polls");
        assertThat(result.usage().before()).contains(BigDecimal.valueOf(1000));
        assertThat(sleeps).hasSize(8);
    }

    @Test
    void saysUnreliable_whenTheServerFlagsTheBalance() {
        Function<io.github.t3chat4j.domain.session.Session, CustomerData> port = scripted(balance(1000, false), balance(900, false));

        TrackCreditsResult<String> result = service(port, Runnable::run).trackCredits(
                TrackCreditsCommand.defaults(), send("reply"), r -> "stop");

        assertThat(result.usage().trust()).isEqualTo(Trust.UNRELIABLE);
        assertThat(result.usage().deducted()).isEmpty();
        assertThat(result.usage().reason()).contains("unreliable");
    }

    @Test
    void saysUnreadable_whenTheBeforeReadFails() {
        Deque<Object> script = new ArrayDeque<>(List.of(
                new SessionExpiredException("t3.chat rejected the session (HTTP 401)."), balance(900)));
        Function<io.github.t3chat4j.domain.session.Session, CustomerData> port = session -> {
            Object next = script.poll();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (CustomerData) next;
        };

        TrackCreditsResult<String> result = service(port, Runnable::run).trackCredits(
                TrackCreditsCommand.defaults(), send("reply"), r -> "stop");

        assertThat(result.usage().trust()).isEqualTo(Trust.UNREADABLE);
        assertThat(result.usage().reason()).contains("before the send").contains("HTTP 401");
        assertThat(result.usage().after()).contains(BigDecimal.valueOf(900));
    }

    @Test
    void saysUnreadable_whenEveryAfterReadFails() {
        List<Integer> calls = new ArrayList<>();
        Function<io.github.t3chat4j.domain.session.Session, CustomerData> port = session -> {
            calls.add(1);
            if (calls.size() > 1) {
                throw new IllegalStateException("boom");
            }
            return balance(1000);
        };

        TrackCreditsResult<String> result = service(port, Runnable::run).trackCredits(
                new TrackCreditsCommand(3, Duration.ofMillis(10)), send("reply"), r -> null);

        assertThat(result.usage().trust()).isEqualTo(Trust.UNREADABLE);
        assertThat(result.usage().reason()).contains("after the send").contains("boom");
        assertThat(result.usage().finishReason()).isEmpty();
        assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10));
    }

    @Test
    void letsTheSendFailureThrough() {
        Function<io.github.t3chat4j.domain.session.Session, CustomerData> port = session -> balance(1000);

        assertThatThrownBy(() -> service(port, Runnable::run).trackCredits(TrackCreditsCommand.defaults(),
                () -> {
                    throw new IllegalStateException("send failed");
                }, r -> "stop")).hasMessage("send failed");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void rejectsABoundBelowOnePoll() {
        assertThatThrownBy(() -> new TrackCreditsCommand(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private TrackCreditsService service(Function<io.github.t3chat4j.domain.session.Session, CustomerData> port, Executor executor) {
        return new TrackCreditsService(() -> port.apply(aSession()), executor, sleeps::add);
    }

    private Supplier<String> send(String reply) {
        return () -> {
            events.add("send");
            return reply;
        };
    }

    private static Function<io.github.t3chat4j.domain.session.Session, CustomerData> scripted(CustomerData... answers) {
        Deque<CustomerData> script = new ArrayDeque<>(List.of(answers));
        return session -> script.size() > 1 ? script.poll() : script.peek();
    }
}
