package io.github.t3chat4j.domain.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void appendsInOrder_andTakesTitleFromFirstUserMessage() {
        Conversation c = Conversation.start(ModelId.DEFAULT, ChatSettings.defaults(), T0);

        Conversation next = c.append(Message.user("What is a monad?\nsecond line"), T0.plusSeconds(1))
                .append(Message.assistant("A burrito."), T0.plusSeconds(2))
                .append(Message.user("Really?"), T0.plusSeconds(3));

        assertThat(next.messages()).extracting(Message::text).containsExactly("What is a monad?\nsecond line",
                "A burrito.", "Really?");
        assertThat(next.title()).isEqualTo("What is a monad?");
        assertThat(next.updatedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(c.messages()).isEmpty();
    }

    @Test
    void cutsLongTitles() {
        assertThat(Conversation.titleFrom("x".repeat(200))).hasSize(60).endsWith("…");
    }

    @Test
    void refusesThreadIdsThatCouldEscapeAFolder() {
        assertThatThrownBy(() -> ThreadId.of("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThreadId.of("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newConversationsGetDistinctThreadIds() {
        assertThat(Conversation.start(ModelId.DEFAULT, ChatSettings.defaults(), T0).threadId())
                .isNotEqualTo(Conversation.start(ModelId.DEFAULT, ChatSettings.defaults(), T0).threadId());
    }
}
