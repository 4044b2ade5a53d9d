package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void listensOnLoopbackPort8787_byDefault() {
        GatewayConfig config = GatewayConfig.defaults("k");

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8787);
        assertThat(config.isLoopbackOnly()).isTrue();
        assertThat(config.corsOrigins()).isEmpty();
    }

    @Test
    void acceptsAShortKey_onLoopbackOnly() {
        assertThat(GatewayConfig.defaults("short").withHost("localhost").isLoopbackOnly()).isTrue();
        assertThat(GatewayConfig.defaults("short").withHost("::1").isLoopbackOnly()).isTrue();

        assertThatThrownBy(() -> GatewayConfig.defaults("short").withHost("0.0.0.0"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 24 characters");
        assertThat(GatewayConfig.defaults("x".repeat(43)).withHost("0.0.0.0").isLoopbackOnly()).isFalse();
    }

    @Test
    void refusesKeysThatCannotTravelInAHeader() {
        assertThatThrownBy(() -> GatewayConfig.defaults("has space")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> GatewayConfig.defaults("")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> GatewayConfig.defaults("line\nbreak")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesABadPortOrOrigin() {
        assertThatThrownBy(() -> GatewayConfig.defaults("k").withPort(70_000)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> GatewayConfig.defaults("k").withCorsOrigins(List.of("localhost:3000")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("http://localhost:3000");
        assertThat(GatewayConfig.defaults("k").withCorsOrigins(List.of("*", "https://app.example")).corsOrigins())
                .hasSize(2);
    }

    @Test
    void answersToLoopbackNames_theAddressListenedOn_andTheNamesAllowed() {
        GatewayConfig loopback = GatewayConfig.defaults("k");
        GatewayConfig lan = GatewayConfig.defaults("x".repeat(43)).withHost("192.168.1.5")
                .withAllowedHosts(List.of("MyBox.Local."));
        GatewayConfig everywhere = GatewayConfig.defaults("x".repeat(43)).withHost("0.0.0.0");

        assertThat(List.of("localhost", "LOCALHOST", "127.0.0.1", "[::1]", "::1", "localhost."))
                .allMatch(loopback::allowsHost);
        assertThat(List.of("attacker.example", "127.0.0.2", "192.168.1.5", "")).noneMatch(loopback::allowsHost);
        assertThat(List.of("192.168.1.5", "mybox.local", "localhost")).allMatch(lan::allowsHost);
        assertThat(everywhere.allowsHost("0.0.0.0")).isFalse();
        assertThat(GatewayConfig.defaults("k").withAllowedHosts(List.of("*")).allowsHost("anything.example")).isTrue();
        assertThat(GatewayConfig.DEFAULT_HEAD_TIMEOUT).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThatThrownBy(() -> GatewayConfig.defaults("k").withAllowedHosts(List.of("http://x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("myhost.local");
    }

    @Test
    void neverShowsTheKey() {
        assertThat(GatewayConfig.defaults("the-secret-key").toString()).doesNotContain("the-secret-key");
    }
}
