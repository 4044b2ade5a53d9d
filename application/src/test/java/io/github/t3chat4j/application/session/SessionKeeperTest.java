package io.github.t3chat4j.application.session;

import static io.github.t3chat4j.application.fixtures.Sessions.WOS;
import static io.github.t3chat4j.application.fixtures.Sessions.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.domain.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionKeeperTest {

    private final AtomicInteger renewals = new AtomicInteger();
    private final List<Session> saved = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final SessionKeeper keeper = new SessionKeeper(aSession(),
            s -> Optional.of("rotated-" + renewals.incrementAndGet()), saved::add, warnings::add);

    @Test
    void renewsOnce_beforeTheFirstUse() {
        Session first = keeper.firstUse();
        Session second = keeper.firstUse();

        assertThat(renewals).hasValue(1);
        assertThat(first).isEqualTo(second);
        assertThat(first.cookies().get("wos-session")).contains("rotated-1");
        assertThat(first.cookies().get("theme")).contains("dark");
    }

    @Test
    void tellsTheSessionStore_whenTheCookieRotates() {
        keeper.renew();

        assertThat(saved).extracting(s -> s.cookies().get("wos-session").orElseThrow()).containsExactly("rotated-1");
    }

    @Test
    void tellsNobody_whenTheServerDidNotRotate() {
        SessionKeeper unchanged = new SessionKeeper(aSession(), s -> Optional.empty(), saved::add, warnings::add);

        unchanged.renew();

        assertThat(saved).isEmpty();
        assertThat(unchanged.current()).isEqualTo(aSession());
    }

    @Test
    void warnsButGoesOn_whenTheRotatedSessionCannotBeSaved() {
        SessionKeeper failing = new SessionKeeper(aSession(), s -> Optional.of("NEW-SECRET"), s -> {
            throw new StorageException("Could not write config.properties: Permission denied");
        }, warnings::add);

        Session renewed = failing.renew();

        assertThat(renewed.cookies().get("wos-session")).contains("NEW-SECRET");
        assertThat(warnings).singleElement().asString().contains("Permission denied").doesNotContain("NEW-SECRET");
    }

    @Test
    void renewsAndRetriesOnce_whenTheSessionIsRejected() {
        List<String> used = new ArrayList<>();

        String answer = keeper.call(session -> {
            used.add(session.cookies().get("wos-session").orElseThrow());
            if (used.size() == 1) {
                throw SessionExpiredException.forStatus(401);
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(used).containsExactly("rotated-1", "rotated-2");
    }

    @Test
    void givesUp_whenStillRejectedAfterTheRenewal() {
        assertThatThrownBy(() -> keeper.call(session -> {
            throw SessionExpiredException.forStatus(401);
        })).isInstanceOf(SessionExpiredException.class).hasMessageContaining("still rejects");

        assertThat(renewals).hasValue(2);
    }

    @Test
    void renewsOnlyOnce_whenManyRequestsAreRejectedTogether() throws Exception {
        keeper.firstUse();
        int callers = 8;
        CyclicBarrier allRejected = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> keeper.call(session -> {
                    if (session.cookies().get("wos-session").orElseThrow().equals("rotated-1")) {
                        await(allRejected);
                        throw SessionExpiredException.forStatus(401);
                    }
                    return session.cookies().get("wos-session").orElseThrow();
                })));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("rotated-2");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(renewals).hasValue(2);
    }

    @Test
    void neverShowsTheCookie() {
        keeper.firstUse();

        assertThat(keeper.toString()).doesNotContain(WOS).doesNotContain("rotated");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
