package io.github.t3chat4j.application.internal.session;

import io.github.t3chat4j.application.fixtures.Renewals;
import static io.github.t3chat4j.application.fixtures.Sessions.WOS;
import static io.github.t3chat4j.application.fixtures.Sessions.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.domain.session.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
            Renewals.renewing(s -> Optional.of("rotated-" + renewals.incrementAndGet())), saved::add, warnings::add);

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
    void neverRenewsAnAnonymousSession_andPassesItsRejectionOn() {
        SessionKeeper anonymous = new SessionKeeper(Session.anonymous(),
                Renewals.renewing(s -> Optional.of("rotated-" + renewals.incrementAndGet())), saved::add, warnings::add);
        AtomicInteger calls = new AtomicInteger();
        SessionExpiredException refusal = new SessionExpiredException("HTTP 401");

        String answer = anonymous.call(session -> "read as " + session);
        assertThatThrownBy(() -> anonymous.call(session -> {
            calls.incrementAndGet();
            throw refusal;
        })).isSameAs(refusal);
        Session renewed = anonymous.renew();

        assertThat(answer).isEqualTo("read as " + Session.anonymous());
        assertThat(calls).hasValue(1);
        assertThat(renewed.isAnonymous()).isTrue();
        assertThat(renewals).hasValue(0);
        assertThat(saved).isEmpty();
    }

    @Test
    void tellsTheSessionStore_whenTheCookieRotates() {
        keeper.renew();

        assertThat(saved).extracting(s -> s.cookies().get("wos-session").orElseThrow()).containsExactly("rotated-1");
    }

    @Test
    void tellsNobody_whenTheServerDidNotRotate() {
        SessionKeeper unchanged = new SessionKeeper(aSession(), Renewals.renewing(s -> Optional.empty()), saved::add, warnings::add);

        unchanged.renew();

        assertThat(saved).isEmpty();
        assertThat(unchanged.current()).isEqualTo(aSession());
    }

    @Test
    void warnsButGoesOn_whenTheRotatedSessionCannotBeSaved() {
        SessionKeeper failing = new SessionKeeper(aSession(), Renewals.renewing(s -> Optional.of("NEW-SECRET")), s -> {
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


    /** A session store that remembers renewals, as the config file does. */
    private static final class RememberingStore implements SaveSessionPort {
        private final List<Instant> renewals = new ArrayList<>();
        private Session stored;
        private Instant renewedAt;

        RememberingStore(Session stored, Instant renewedAt) {
            this.stored = stored;
            this.renewedAt = renewedAt;
        }

        @Override
        public void saveSession(Session session) {
            stored = session;
        }

        @Override
        public void saveRenewedSession(Session session, boolean rotated, Instant at) {
            stored = session;
            renewedAt = at;
            renewals.add(at);
        }

        @Override
        public Optional<Instant> lastRenewal(Session session) {
            return session.equals(stored) ? Optional.ofNullable(renewedAt) : Optional.empty();
        }
    }

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private SessionKeeper keeperOver(RememberingStore store) {
        return new SessionKeeper(aSession(), Renewals.renewing(s -> Optional.of("rotated-" + renewals.incrementAndGet())), store,
                warnings::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void skipsTheRenewalBeforeFirstUse_whenThisSessionWasRenewedMinutesAgo() {
        SessionKeeper fresh = keeperOver(new RememberingStore(aSession(), NOW.minus(Duration.ofMinutes(9))));

        Session used = fresh.firstUse();

        assertThat(renewals).hasValue(0);
        assertThat(used).isEqualTo(aSession());
    }

    @Test
    void renewsBeforeFirstUse_whenTheLastRenewalIsTenMinutesOld_orInTheFuture_orOfAnotherSession() {
        Session other = Session.of("wos-session=someone-else", "c");

        keeperOver(new RememberingStore(aSession(), NOW.minus(SessionKeeper.FRESH_FOR))).firstUse();
        keeperOver(new RememberingStore(aSession(), NOW.plusSeconds(60))).firstUse();
        keeperOver(new RememberingStore(other, NOW)).firstUse();

        assertThat(renewals).hasValue(3);
    }

    @Test
    void stillRenewsAndRetriesOnce_whenAFreshSessionIsRejected() {
        SessionKeeper fresh = keeperOver(new RememberingStore(aSession(), NOW.minusSeconds(5)));
        List<Session> tried = new ArrayList<>();

        String answer = fresh.call(session -> {
            tried.add(session);
            if (tried.size() == 1) {
                throw SessionExpiredException.forStatus(401);
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(renewals).hasValue(1);
        assertThat(tried.get(0)).isEqualTo(aSession());
        assertThat(tried.get(1).cookies().get("wos-session")).contains("rotated-1");
    }

    @Test
    void tellsTheStoreTheTimeOfEveryRenewal_rotatedOrNot() {
        RememberingStore store = new RememberingStore(aSession(), null);
        SessionKeeper unrotated = new SessionKeeper(aSession(), Renewals.renewing(s -> Optional.empty()), store, warnings::add,
                Clock.fixed(NOW, ZoneOffset.UTC));

        unrotated.renew();

        assertThat(store.renewals).containsExactly(NOW);
        assertThat(store.lastRenewal(aSession())).contains(NOW);
        assertThat(warnings).isEmpty();
    }
}
