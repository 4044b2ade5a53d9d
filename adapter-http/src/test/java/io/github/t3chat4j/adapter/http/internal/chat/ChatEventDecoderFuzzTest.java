package io.github.t3chat4j.adapter.http.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds both reply decoders (the UI message stream and the older data stream, and the sniffing that
 * picks one) arbitrary bytes, decoded as {@link HttpChatStream} decodes a body. Documented outcome:
 * events, never an exception while the body reads (bad lines are skipped); at most one finish, each
 * image once, and no more text out than came in, so memory follows the body whatever it holds.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChatEventDecoderFuzzTest {

    private static final ChatEventMapper MAPPER = new ChatEventMapper(new ObjectMapper());

    @FuzzTest
    void decodesAnyUiMessageStream(byte[] body) {
        checkDecoding(body, StreamFormat.UI_MESSAGE_STREAM);
    }

    @FuzzTest
    void decodesAnyDataStream(byte[] body) {
        checkDecoding(body, StreamFormat.DATA_STREAM);
    }

    @FuzzTest
    void decodesAnyBody_whoseFormatTheHeadersDoNotSay(byte[] body) {
        checkDecoding(body, StreamFormat.UNKNOWN);
    }

    private static void checkDecoding(byte[] body, StreamFormat format) {
        ChatEventDecoder decoder = new ChatEventDecoder(new ByteArrayInputStream(body), format, MAPPER);

        List<ChatEvent> events = new ArrayList<>();
        decoder.forEachRemaining(events::add);

        assertThat(decoder.hasNext()).isFalse();
        assertThatThrownBy(decoder::next).isInstanceOf(NoSuchElementException.class);
        assertThat(events).doesNotContainNull();
        assertThat(events.stream().filter(ChatEvent.Finished.class::isInstance).count()).isLessThanOrEqualTo(1);
        Set<String> images = new HashSet<>();
        long textChars = 0;
        for (ChatEvent event : events) {
            if (event instanceof ChatEvent.TextDelta delta) {
                assertThat(delta.text()).isNotEmpty();
                textChars += delta.text().length();
            } else if (event instanceof ChatEvent.ReasoningDelta delta) {
                assertThat(delta.text()).isNotEmpty();
                textChars += delta.text().length();
            } else if (event instanceof ChatEvent.ImageGenerated image) {
                assertThat(images.add(image.url())).as("image reported once: %s", image.url()).isTrue();
                assertThat(image.url()).isNotBlank().isEqualTo(image.url().strip());
            }
        }
        assertThat(textChars).isLessThanOrEqualTo(body.length);
    }

    /** The body as {@link HttpChatStream} reads it: UTF-8, malformed bytes replaced. */
}
