package io.github.t3chat4j.adapter.http.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/**
 * {@link ChatEventDecoder#ready()} answers from what has arrived and never waits: it is true exactly when
 * the bytes of a whole next event are buffered. The body here has arrived in pieces ({@link #arrive}); a
 * read that would have to wait for a piece not yet arrived fails the test.
 */
class ChatEventDecoderReadyTest {

    private static final String DELTA_A = "data: {\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"a\"}\n\n";
    private static final String DELTA_B = "data: {\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"b\"}\n\n";

    private final Arrivals body = new Arrivals();
    private final ChatEventDecoder decoder = new ChatEventDecoder(body, StreamFormat.UI_MESSAGE_STREAM,
            new ChatEventMapper(new ObjectMapper()));

    @Test
    void isReady_whenTheNextEventHasArrivedWhole() {
        body.arrive(DELTA_A + DELTA_B);

        assertThat(decoder.next()).isEqualTo(new ChatEvent.TextDelta("a"));
        assertThat(decoder.ready()).isTrue();
        assertThat(decoder.next()).isEqualTo(new ChatEvent.TextDelta("b"));
        assertThat(decoder.ready()).isFalse();
    }

    @Test
    void isNotReady_forHalfAnEvent_andIsOnceTheRestArrives() {
        body.arrive(DELTA_A + DELTA_B.substring(0, 20));
        decoder.next();

        assertThat(decoder.ready()).isFalse();
        body.arrive(DELTA_B.substring(20, DELTA_B.length() - 1));
        assertThat(decoder.ready()).as("the data line without the blank line that ends the event").isFalse();
        body.arrive("\n");
        assertThat(decoder.ready()).isTrue();
        assertThat(decoder.next()).isEqualTo(new ChatEvent.TextDelta("b"));
    }

    @Test
    void isNotReady_forAKeepAliveComment_whichIsNoEvent() {
        body.arrive(DELTA_A + ": keep-alive\n\n");
        decoder.next();

        assertThat(decoder.ready()).isFalse();
    }

    @Test
    void isReady_atTheEndOfTheStream() {
        body.arrive(DELTA_A + "data: [DONE]\n\n");
        decoder.next();

        assertThat(decoder.ready()).isTrue();
        assertThat(decoder.next()).isEqualTo(new ChatEvent.Finished(""));
        assertThat(decoder.ready()).isTrue();
        assertThat(decoder.hasNext()).isFalse();
    }

    @Test
    void readsTheOlderDataStreamTheSameWay() {
        Arrivals parts = new Arrivals();
        ChatEventDecoder data = new ChatEventDecoder(parts, StreamFormat.DATA_STREAM,
                new ChatEventMapper(new ObjectMapper()));
        parts.arrive("0:\"a\"\n0:\"b");

        assertThat(data.next()).isEqualTo(new ChatEvent.TextDelta("a"));
        assertThat(data.ready()).isFalse();
        parts.arrive("\"\n");
        assertThat(data.ready()).isTrue();
        assertThat(data.next()).isEqualTo(new ChatEvent.TextDelta("b"));
    }

    /** A body whose bytes arrive when the test says; reading past what arrived fails instead of waiting. */
    private static final class Arrivals extends InputStream {
        private final Deque<Byte> arrived = new ArrayDeque<>();

        void arrive(String text) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                arrived.add(b);
            }
        }

        @Override
        public int available() {
            return arrived.size();
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (arrived.isEmpty()) {
                throw new AssertionError("A read that would wait for bytes that have not arrived.");
            }
            int n = 0;
            while (n < length && !arrived.isEmpty()) {
                buffer[offset + n++] = arrived.poll();
            }
            return n;
        }
    }
}
