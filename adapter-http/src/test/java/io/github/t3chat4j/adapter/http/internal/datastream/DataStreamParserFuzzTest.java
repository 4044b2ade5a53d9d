package io.github.t3chat4j.adapter.http.internal.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.t3chat4j.adapter.http.internal.sse.LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the data-stream splitter arbitrary bytes. Documented outcome: parts or the end of input, never
 * an exception; every part has a one- or two-character code and a payload without line endings, and
 * is recognised by {@link DataStreamParser#looksLikePart}.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DataStreamParserFuzzTest {

    @FuzzTest
    void splitsAnyStreamIntoParts(byte[] input) throws IOException {
        DataStreamParser parser = new DataStreamParser(new LineReader(new ByteArrayInputStream(input)));

        int bytes = 0;
        while (parser.next()) {
            String payload = new String(parser.payload(), parser.payloadStart(), parser.payloadLength(),
                    StandardCharsets.UTF_8);
            assertThat(parser.code()).hasSizeBetween(1, 2).matches("[0-9A-Za-z]+");
            assertThat(payload).doesNotContain("\r", "\n");
            assertThat(DataStreamParser.looksLikePart(parser.code() + ":" + payload)).isTrue();
            bytes += parser.code().length() + 1 + parser.payloadLength();
        }

        assertThat(parser.next()).isFalse();
        assertThat(bytes).isLessThanOrEqualTo(input.length);
    }
}
