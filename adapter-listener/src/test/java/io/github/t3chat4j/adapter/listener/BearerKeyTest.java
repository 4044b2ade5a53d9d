package io.github.t3chat4j.adapter.listener;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerKeyTest {

    private final BearerKey key = new BearerKey("sk-right");

    @Test
    void acceptsTheKey_asABearerToken() {
        assertThat(key.accepts("Bearer sk-right")).isTrue();
        assertThat(key.accepts("bearer sk-right")).isTrue();
        assertThat(key.accepts("Bearer  sk-right ")).isTrue();
    }

    @Test
    void refusesAnythingElse() {
        assertThat(key.accepts(null)).isFalse();
        assertThat(key.accepts("")).isFalse();
        assertThat(key.accepts("sk-right")).isFalse();
        assertThat(key.accepts("Basic sk-right")).isFalse();
        assertThat(key.accepts("Bearer sk-righ")).isFalse();
        assertThat(key.accepts("Bearer sk-right2")).isFalse();
        assertThat(key.accepts("Bearer ")).isFalse();
    }

    @Test
    void neverShowsTheKey() {
        assertThat(key.toString()).doesNotContain("sk-right");
    }
}
