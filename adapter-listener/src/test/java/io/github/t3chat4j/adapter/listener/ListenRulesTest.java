package io.github.t3chat4j.adapter.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenRulesTest {

    @Test
    void answersThisMachinesNames_andTheAddressListenedOn_butNoOtherName() {
        ListenRules rules = ListenRules.of("127.0.0.1", List.of(), List.of());

        assertThat(List.of("localhost", "LOCALHOST.", "127.0.0.1", "[::1]")).allMatch(rules::allowsHost);
        assertThat(rules.allowsHost("attacker.example")).isFalse();
        assertThat(ListenRules.of("192.168.1.5", List.of(), List.of()).allowsHost("192.168.1.5")).isTrue();
    }

    @Test
    void aWildcardAddress_isNoName_whileAllowedNamesAreAnswered() {
        ListenRules rules = ListenRules.of("0.0.0.0", List.of("MyBox.local"), List.of());

        assertThat(rules.allowsHost("0.0.0.0")).isFalse();
        assertThat(rules.allowsHost("mybox.local")).isTrue();
        assertThat(ListenRules.of("0.0.0.0", List.of("*"), List.of()).allowsHost("anything.example")).isTrue();
    }

    @Test
    void answersOnlyTheWebOriginsAllowed() {
        ListenRules rules = ListenRules.of("127.0.0.1", List.of(), List.of("http://localhost:3000"));

        assertThat(rules.allowsOrigin("http://LOCALHOST:3000")).isTrue();
        assertThat(rules.allowsOrigin("http://evil.example")).isFalse();
        assertThat(ListenRules.of("127.0.0.1", List.of(), List.of()).allowsOrigin("http://localhost:3000")).isFalse();
    }

    @Test
    void refusesMalformedNamesAndOrigins() {
        assertThatThrownBy(() -> ListenRules.of("127.0.0.1", List.of("bad name"), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("allowed host");
        assertThatThrownBy(() -> ListenRules.of("127.0.0.1", List.of(), List.of("localhost:3000")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("CORS origin");
    }

    @Test
    void showsWhatAClientSent_asVisibleAsciiOnly() {
        assertThat(Refusal.shown("evil\u001b]0;x\u0007name")).isEqualTo("evil?]0;x?name");
        assertThat(Refusal.shown("a".repeat(200))).hasSize(80);
    }
}
