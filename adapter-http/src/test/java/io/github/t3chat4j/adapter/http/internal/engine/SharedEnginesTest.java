package io.github.t3chat4j.adapter.http.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How shared engines are handed out, kept and closed; the engines here only count what happens to them. */
class SharedEnginesTest {

    private final List<CountingEngine> made = new ArrayList<>();
    private final MutableClock clock = new MutableClock();
    private final SharedEngines engines = SharedEngines.create(2, Duration.ofMinutes(5), clock, options -> {
        CountingEngine engine = new CountingEngine();
        made.add(engine);
        return engine;
    });

    private static EngineOptions viaProxy(String host) {
        ProxyEndpoint proxy = ProxyEndpoint.of(URI.create("http://" + host + ":3128"));
        return EngineOptions.defaults().withProxies(ProxyRules.explicit(Optional.of(proxy), Optional.of(proxy),
                List.of()));
    }

    @Test
    void handsOutOneEnginePerProxy_andKeepsItWhenItsLeasesClose() throws Exception {
        HttpEngine first = engines.lease(EngineOptions.defaults());
        first.close();
        HttpEngine second = engines.lease(EngineOptions.defaults());
        HttpEngine proxied = engines.lease(viaProxy("proxy.example"));
        second.execute(request());
        proxied.execute(request());

        assertThat(made).hasSize(2);
        assertThat(made.get(0).executed.get()).isEqualTo(1);
        assertThat(made.get(1).executed.get()).isEqualTo(1);
        assertThat(made.get(0).closed).isFalse();
    }

    @Test
    void closingALease_abortsTheResponsesItLeftOpen_andRefusesMoreRequests() throws Exception {
        HttpEngine lease = engines.lease(EngineOptions.defaults());
        EngineResponse finished = lease.execute(request());
        finished.close();
        lease.execute(request());

        lease.close();

        assertThat(made.get(0).aborted.get()).isEqualTo(1);
        assertThatThrownBy(() -> lease.execute(request())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closesAnEngineUnusedForItsIdleTime_butNotOneInUse() {
        engines.lease(EngineOptions.defaults()).close();
        HttpEngine held = engines.lease(viaProxy("held.example"));

        clock.advance(Duration.ofMinutes(4));
        int kept = engines.closeIdle();
        clock.advance(Duration.ofMinutes(2));
        int later = engines.closeIdle();

        assertThat(kept).isEqualTo(2);
        assertThat(later).isEqualTo(1);
        assertThat(made.get(0).closed).isTrue();
        assertThat(made.get(1).closed).isFalse();
        held.close();
    }

    @Test
    void makesAnEngineOfItsOwn_whenEveryKeptOneIsInUse_andClosesItWithItsLease() {
        HttpEngine one = engines.lease(viaProxy("one.example"));
        HttpEngine two = engines.lease(viaProxy("two.example"));
        HttpEngine three = engines.lease(viaProxy("three.example"));

        three.close();

        assertThat(made).hasSize(3);
        assertThat(made.get(2).closed).isTrue();
        assertThat(engines.size()).isEqualTo(2);
        one.close();
        two.close();
        engines.lease(viaProxy("four.example")).close();
        assertThat(made.get(0).closed).as("the least recently used one made room").isTrue();
    }

    private static EngineRequest request() {
        return new EngineRequest("GET", URI.create("http://127.0.0.1:1/"), List.of(), new byte[0], false,
                new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    /** Counts requests, aborts and closing. */
    private static final class CountingEngine implements HttpEngine {
        final AtomicInteger executed = new AtomicInteger();
        final AtomicInteger aborted = new AtomicInteger();
        volatile boolean closed;

        @Override
        public EngineResponse execute(EngineRequest request) {
            executed.incrementAndGet();
            return new EngineResponse() {
                @Override
                public int status() {
                    return 200;
                }

                @Override
                public List<Header> headers() {
                    return List.of();
                }

                @Override
                public InputStream body() {
                    return InputStream.nullInputStream();
                }

                @Override
                public void abort() {
                    aborted.incrementAndGet();
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
