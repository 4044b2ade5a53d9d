package io.github.t3chat4j.adapter.http.internal.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.t3chat4j.adapter.http.internal.sse.LineReader;
import java.io.IOException;
import java.io.StringReader;
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
        String text = new String(input, StandardCharsets.UTF_8);
        DataStreamParser parser = new DataStreamParser(new LineReader(new StringReader(text)));

        int chars = 0;
        for (DataStreamPart part = parser.next(); part != null; part = parser.next()) {
            assertThat(part.code()).hasSizeBetween(1, 2).matches("[0-9A-Za-z]+");
            assertThat(part.payload()).doesNotContain("\r", "\n");
            assertThat(DataStreamParser.looksLikePart(part.code() + ":" + part.payload())).isTrue();
            chars += part.code().length() + 1 + part.payload().length();
        }

        assertThat(parser.next()).isNull();
        assertThat(chars).isLessThanOrEqualTo(text.length());
    }
}
