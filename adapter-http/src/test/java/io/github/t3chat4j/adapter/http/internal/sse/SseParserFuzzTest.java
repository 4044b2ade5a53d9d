package io.github.t3chat4j.adapter.http.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
        Parsed whole = parse(new ByteArrayInputStream(input));
        Parsed trickled = parse(new TrickleStream(input, 1 + input.length % 5));

        assertThat(trickled).isEqualTo(whole);
        int dataBytes = 0;
        for (Event event : whole.events()) {
            assertThat(event.data()).doesNotContain("\r");
            assertThat(event.type()).isNotEmpty().doesNotContain("\r", "\n");
            assertThat(event.id()).doesNotContain("\r", "\n", "\0");
            dataBytes += event.dataBytes();
        }
        assertThat(dataBytes).isLessThanOrEqualTo(input.length);
    }

    private static Parsed parse(InputStream in) throws IOException {
        SseParser parser = new SseParser(new LineReader(in));
        List<Event> events = new ArrayList<>();
        while (parser.next()) {
            events.add(new Event(parser.type(), parser.dataText(), parser.lastEventId(), parser.dataLength()));
        }
        assertThat(parser.next()).isFalse();
        return new Parsed(events, parser.retryMillis());
    }

    private record Event(String type, String data, String id, int dataBytes) {
    }

    private record Parsed(List<Event> events, OptionalLong retry) {
    }

    /** Hands out at most {@code step} bytes per read, as a slow connection would. */
    private static final class TrickleStream extends InputStream {
        private final byte[] bytes;
        private final int step;
        private int position;

        TrickleStream(byte[] bytes, int step) {
            this.bytes = bytes;
            this.step = step;
        }

        @Override
        public int read() {
            return position == bytes.length ? -1 : bytes[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(step, length), bytes.length - position);
            System.arraycopy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
