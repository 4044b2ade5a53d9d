package io.github.t3chat4j.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(4));
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void honoursRetryAfter_cappedAtMaxBackoff() {
        assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(2)), 0.9)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(60)), 0.9)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void backsOffExponentiallyWithJitter_cappedAtMaxBackoff() {
        assertThat(policy.delay(1, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.delay(1, Optional.empty(), 1.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delay(2, Optional.empty(), 1.0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.delay(3, Optional.empty(), 0.5)).isEqualTo(Duration.ofMillis(1500));
        assertThat(policy.delay(30, Optional.empty(), 1.0)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void retriesOnlyRateLimitAndGatewayStatuses() {
        assertThat(RetryPolicy.isRetryableStatus(429)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(502)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(503)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(504)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(500)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(401)).isFalse();
    }

    @Test
    void parsesRetryAfterInSeconds() {
        assertThat(RetryAfter.parse("120", clock)).hasValue(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", clock)).hasValue(Duration.ZERO);
    }

    @Test
    void parsesRetryAfterAsHttpDate() {
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 12:00:45 GMT", clock)).hasValue(Duration.ofSeconds(45));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 11:00:00 GMT", clock)).hasValue(Duration.ZERO);
    }

    @Test
    void ignoresMalformedRetryAfter() {
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", clock)).isEmpty();
    }
}
