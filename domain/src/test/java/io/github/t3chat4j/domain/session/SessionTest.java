package io.github.t3chat4j.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionTest {

    @Test
    void stripsQuotes_fromConvexSessionId() {
        Session session = Session.of("wos-session=tok", "\"abc-123\"");

        assertThat(session.convexSessionId().value()).isEqualTo("abc-123");
    }

    @Test
    void readsConvexSessionId_fromCookie_whenNotGiven() {
        Session session = Session.of("wos-session=tok; convex-session-id=%22cvx-9%22", null);

        assertThat(session.convexSessionId().value()).isEqualTo("cvx-9");
    }

    @Test
    void refusesMissingConvexSessionId_withAdvice() {
        assertThatThrownBy(() -> Session.of("wos-session=tok", "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("convex-session-id");
    }

    @Test
    void keepsConvexIdAndOtherCookies_whenWosSessionRenewed() {
        Session session = Session.of("a=1; wos-session=old", "cvx");

        Session renewed = session.withRenewedWosSession("new");

        assertThat(renewed.cookies().headerValue()).isEqualTo("a=1; wos-session=new");
        assertThat(renewed.convexSessionId()).isEqualTo(session.convexSessionId());
    }

    @Test
    void neverShowsSecrets_inToString() {
        Session session = Session.of("wos-session=SECRET-TOKEN", "SECRET-CONVEX");

        assertThat(session.toString()).doesNotContain("SECRET");
        assertThat(session.convexSessionId().toString()).doesNotContain("SECRET");
    }
}
