package io.github.t3chat4j.adapter.storage;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.message.MessageStatus;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.time.Instant;
import java.util.List;

/** Test conversations. */
final class Conversations {

    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    private Conversations() {
    }

    /** A user question, a reasoned answer, an image reply, and a reply cut off half-way. */
    static Conversation aRichConversation(String id) {
        ChatSettings settings = ChatSettings.defaults().withReasoningEffort(ReasoningEffort.HIGH).withSearch(true).withSystemPrompt("Be brief.").withTimezone("Europe/Berlin").withLocale("de-DE");
        Message question = Message.builder(Role.USER).id(MessageId.of("m1")).text("Why is the sky blue?")
                .createdAt(T0).build();
        Message answer = Message.builder(Role.ASSISTANT).id(MessageId.of("m2")).text("Rayleigh scattering.")
                .reasoning("Short wavelengths scatter more.").model(ModelId.of("gemini-2.5-pro"))
                .createdAt(T0.plusSeconds(5)).build();
        Message picture = Message.builder(Role.ASSISTANT).id(MessageId.of("m3")).text("")
                .image(ImageContent.fromUrl("https://files.example/sky.png").withLocalPath("/tmp/sky.png")
                        .withBase64Data("iVBORw0KGgo=", "image/png"))
                .model(ModelId.DEFAULT_IMAGE).createdAt(T0.plusSeconds(9)).build();
        Message cutOff = Message.builder(Role.ASSISTANT).id(MessageId.of("m4")).text("Also, at sunset the")
                .status(MessageStatus.INCOMPLETE).model(ModelId.of("gemini-2.5-pro"))
                .createdAt(T0.plusSeconds(12)).build();
        return Conversation.builder(ThreadId.of(id)).title("Why is the sky blue?").model(ModelId.of("gemini-2.5-pro")).settings(settings).messages(List.of(question, answer, picture, cutOff)).createdAt(T0).updatedAt(T0.plusSeconds(12)).build();
    }

    static Conversation aConversationUpdatedAt(String id, Instant updatedAt) {
        Message hello = Message.builder(Role.USER).id(MessageId.of(id + "-m1")).text("hello " + id)
                .createdAt(T0).build();
        return Conversation.builder(ThreadId.of(id)).title("hello " + id).model(ModelId.DEFAULT).settings(ChatSettings.defaults()).messages(List.of(hello)).createdAt(T0).updatedAt(updatedAt).build();
    }
}
