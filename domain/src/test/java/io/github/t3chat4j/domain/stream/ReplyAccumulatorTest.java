package io.github.t3chat4j.domain.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.domain.message.ContentType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyAccumulatorTest {

    @Test
    void accumulatesDeltasIntoOneReply_keepingReasoningApart() {
        ReplyAccumulator acc = new ReplyAccumulator();

        acc.accept(new ChatEvent.ReasoningDelta("think "));
        acc.accept(new ChatEvent.TextDelta("Hel"));
        acc.accept(new ChatEvent.ReasoningDelta("more"));
        acc.accept(new ChatEvent.TextDelta("lo"));
        acc.accept(new ChatEvent.Finished("stop"));
        Reply reply = acc.toReply();

        assertThat(reply.text()).isEqualTo("Hello");
        assertThat(reply.reasoning()).isEqualTo("think more");
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.isComplete()).isTrue();
        assertThat(reply.contentType()).isEqualTo(ContentType.TEXT);
    }

    @Test
    void marksInterrupted_whenNoFinishArrived() {
        ReplyAccumulator acc = new ReplyAccumulator();

        acc.accept(new ChatEvent.TextDelta("partial"));

        assertThat(acc.toReply().ending()).isEqualTo(Reply.Ending.INTERRUPTED);
        assertThat(acc.toReply(Reply.Ending.CANCELLED).ending()).isEqualTo(Reply.Ending.CANCELLED);
    }

    @Test
    void keepsTextBeforeError_andIgnoresEventsAfterIt() {
        ReplyAccumulator acc = new ReplyAccumulator();

        acc.accept(new ChatEvent.TextDelta("before"));
        acc.accept(new ChatEvent.StreamError("model overloaded"));
        acc.accept(new ChatEvent.TextDelta(" after"));

        Reply reply = acc.toReply();
        assertThat(reply.text()).isEqualTo("before");
        assertThat(reply.ending()).isEqualTo(Reply.Ending.FAILED);
        assertThat(reply.errorText()).isEqualTo("model overloaded");
    }

    @Test
    void decodesInlineImage_andKeepsUrlImage() {
        ReplyAccumulator inline = new ReplyAccumulator();
        inline.accept(new ChatEvent.ImageGenerated("data:image/png;base64,iVBORw0KGgo="));
        ReplyAccumulator remote = new ReplyAccumulator();
        remote.accept(new ChatEvent.ImageGenerated("https://cdn.example/img.png"));

        assertThat(inline.toReply().image()).hasValueSatisfying(img -> {
            assertThat(img.isInline()).isTrue();
            assertThat(img.mediaType()).contains("image/png");
            assertThat(img.bytes().orElseThrow()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        });
        assertThat(remote.toReply().image().flatMap(i -> i.url())).contains("https://cdn.example/img.png");
        assertThat(remote.toReply().contentType()).isEqualTo(ContentType.IMAGE);
    }

    @Test
    void dropsMalformedInlineImage_butKeepsText() {
        ReplyAccumulator acc = new ReplyAccumulator();

        acc.accept(new ChatEvent.TextDelta("text"));
        acc.accept(new ChatEvent.ImageGenerated("data:image/png;base64,@@not base64@@"));

        assertThat(acc.toReply().text()).isEqualTo("text");
        assertThat(acc.toReply().image()).isEmpty();
    }

    @Test
    void marksAborted_whenServerAborts() {
        ReplyAccumulator acc = new ReplyAccumulator();

        acc.accept(new ChatEvent.TextDelta("so far"));
        acc.accept(new ChatEvent.Aborted());

        assertThat(acc.toReply().ending()).isEqualTo(Reply.Ending.ABORTED);
        assertThat(acc.toReply().text()).isEqualTo("so far");
    }

    /** Adding a ChatEvent subtype must come with a decision here and in every consumer. */
    @Test
    void handlesEveryPermittedEventType() {
        List<String> known = List.of("TextDelta", "ReasoningDelta", "ImageGenerated", "Finished", "Aborted",
                "StreamError");

        assertThat(Arrays.stream(ChatEvent.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrderElementsOf(known);
    }
}
