package io.github.t3chat4j.adapter.http.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the event-stream parser (and its line reader) arbitrary bytes, as a server could send them.
 * Documented outcome: events or the end of input, never an exception from well-behaved readers; the
 * events do not depend on how the input is split into reads; no line ending survives into a field.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SseParserFuzzTest {

    @FuzzTest
    void parsesAnyStream_sameWhateverTheReadSizes(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);

        Parsed whole = parse(new StringReader(text));
        Parsed trickled = parse(new TrickleReader(text, 1 + input.length % 5));

        assertThat(trickled).isEqualTo(whole);
        int dataChars = 0;
        for (SseEvent event : whole.events()) {
            assertThat(event.data()).doesNotContain("\r");
            assertThat(event.type()).isNotEmpty().doesNotContain("\r", "\n");
            assertThat(event.id()).doesNotContain("\r", "\n", "\0");
            dataChars += event.data().length();
        }
        assertThat(dataChars).isLessThanOrEqualTo(text.length());
    }

    private static Parsed parse(Reader reader) throws IOException {
        SseParser parser = new SseParser(reader);
        List<SseEvent> events = new ArrayList<>();
        for (SseEvent event = parser.next(); event != null; event = parser.next()) {
            events.add(event);
        }
        assertThat(parser.next()).isNull();
        return new Parsed(events, parser.retryMillis());
    }

    private record Parsed(List<SseEvent> events, OptionalLong retry) {
    }

    /** Hands out at most {@code step} characters per read, as a slow connection would. */
    private static final class TrickleReader extends Reader {
        private final String text;
        private final int step;
        private int position;

        TrickleReader(String text, int step) {
            this.text = text;
            this.step = step;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(step, length), text.length() - position);
            text.getChars(position, position + n, buffer, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
