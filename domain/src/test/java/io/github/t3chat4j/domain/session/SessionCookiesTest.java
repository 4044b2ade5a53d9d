package io.github.t3chat4j.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionCookiesTest {

    @Test
    void keepsPairsInOrder_whenParsed() {
        SessionCookies cookies = SessionCookies.parse("a=1; wos-session=old;b=2");

        assertThat(cookies.names()).containsExactly("a", "wos-session", "b");
        assertThat(cookies.headerValue()).isEqualTo("a=1; wos-session=old; b=2");
    }

    @Test
    void replacesOnlyWosSession_whenRenewed() {
        SessionCookies cookies = SessionCookies.parse("a=1; wos-session=old; b=x=y");

        SessionCookies renewed = cookies.withWosSession("new");

        assertThat(renewed.headerValue()).isEqualTo("a=1; wos-session=new; b=x=y");
        assertThat(cookies.headerValue()).contains("wos-session=old");
    }

    @Test
    void appendsWosSession_whenAbsent() {
        assertThat(SessionCookies.parse("a=1").withWosSession("new").headerValue()).isEqualTo("a=1; wos-session=new");
    }

    @Test
    void dropsEmptyPairsAndQuotes_whenPastedSloppily() {
        SessionCookies cookies = SessionCookies.parse("  \"a=1; ; empty=; =novalue; wos-session=tok\"  ");

        assertThat(cookies.headerValue()).isEqualTo("a=1; wos-session=tok");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"\"", "noequals", ";;"})
    void refusesBlankOrPairless_withClearMessage(String raw) {
        assertThatThrownBy(() -> SessionCookies.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cookie string")
                .hasMessageContaining("developer tools");
    }

    @Test
    void neverShowsValues_inToString() {
        SessionCookies cookies = SessionCookies.parse("wos-session=SECRET-TOKEN; other=SECRET-2");

        assertThat(cookies.toString()).doesNotContain("SECRET").contains("2 cookies");
    }
}
