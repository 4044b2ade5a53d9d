package io.github.t3chat4j.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void refusesEmptyUserMessage() {
        assertThatThrownBy(() -> Message.user("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void flagsErrorMessage_asAssistantError() {
        Message error = Message.error("No messages to send");

        assertThat(error.role()).isEqualTo(Role.ASSISTANT);
        assertThat(error.isError()).isTrue();
        assertThat(error.text()).isEqualTo("No messages to send");
    }

    @Test
    void refusesNonBase64DataUrl() {
        assertThatThrownBy(() -> ImageContent.fromUrl("data:image/png,rawbytes"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesRoleCaseInsensitively_andRefusesOthers() {
        assertThat(Role.parse("Assistant")).isEqualTo(Role.ASSISTANT);
        assertThatThrownBy(() -> Role.parse("system")).isInstanceOf(IllegalArgumentException.class);
    }
}
