package io.github.t3chat4j.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChatSettingsTest {

    @Test
    void defaultsMatchTheProtocol() {
        ChatSettings s = ChatSettings.defaults();

        assertThat(s.reasoningEffort()).isEqualTo(ReasoningEffort.LOW);
        assertThat(s.search()).isFalse();
        assertThat(s.systemPrompt()).isEmpty();
        assertThat(s.timezone()).isEqualTo("America/New_York");
        assertThat(s.locale()).isEqualTo("en-US");
    }

    @Test
    void refusesUnknownTimeZone() {
        assertThatThrownBy(() -> ChatSettings.defaults().withTimezone("Mars/Olympus"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Mars/Olympus");
    }

    @Test
    void parsesReasoningEffort_andRefusesOthers() {
        assertThat(ReasoningEffort.parse("HIGH")).isEqualTo(ReasoningEffort.HIGH);
        assertThat(ReasoningEffort.HIGH.wireValue()).isEqualTo("high");
        assertThatThrownBy(() -> ReasoningEffort.parse("max")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low, medium or high");
    }

    @Test
    void refusesModelIdWithSpaces() {
        assertThatThrownBy(() -> ModelId.of("gpt 4")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ModelId.of(" gpt-4o ").value()).isEqualTo("gpt-4o");
    }
}
