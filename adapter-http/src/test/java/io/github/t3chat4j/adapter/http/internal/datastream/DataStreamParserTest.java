package io.github.t3chat4j.adapter.http.internal.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.http.internal.sse.LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataStreamParserTest {

    @Test
    void splitsCodeFromPayload() throws IOException {
        DataStreamParser parser = new DataStreamParser(new LineReader(new ByteArrayInputStream(
                "f:{\"messageId\":\"m\"}\r\n0:\"a:b\"\n\ngarbage\n2:[]\nab:1\nabc:2\n:3\n".getBytes(StandardCharsets.UTF_8))));

        List<String> parts = new ArrayList<>();
        while (parser.next()) {
            parts.add(parser.code() + " " + new String(parser.payload(), parser.payloadStart(),
                    parser.payloadLength(), StandardCharsets.UTF_8));
        }

        assertThat(parts).containsExactly("f {\"messageId\":\"m\"}", "0 \"a:b\"", "2 []", "ab 1");
    }

    @Test
    void recognisesPartsButNotEventStreamLines() {
        assertThat(DataStreamParser.looksLikePart("0:\"x\"")).isTrue();
        assertThat(DataStreamParser.looksLikePart("g:\"x\"")).isTrue();
        assertThat(DataStreamParser.looksLikePart("data: {}")).isFalse();
        assertThat(DataStreamParser.looksLikePart(": comment")).isFalse();
    }
}
