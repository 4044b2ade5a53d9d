package io.github.t3chat4j.adapter.http.internal.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.http.internal.sse.LineReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataStreamParserTest {

    @Test
    void splitsCodeFromPayload() throws IOException {
        DataStreamParser parser = new DataStreamParser(new LineReader(new StringReader(
                "f:{\"messageId\":\"m\"}\r\n0:\"a:b\"\n\ngarbage\n2:[]\n")));

        List<DataStreamPart> parts = new ArrayList<>();
        for (DataStreamPart p = parser.next(); p != null; p = parser.next()) {
            parts.add(p);
        }

        assertThat(parts).containsExactly(new DataStreamPart("f", "{\"messageId\":\"m\"}"),
                new DataStreamPart("0", "\"a:b\""), new DataStreamPart("2", "[]"));
    }

    @Test
    void recognisesPartsButNotEventStreamLines() {
        assertThat(DataStreamParser.looksLikePart("0:\"x\"")).isTrue();
        assertThat(DataStreamParser.looksLikePart("g:\"x\"")).isTrue();
        assertThat(DataStreamParser.looksLikePart("data: {}")).isFalse();
        assertThat(DataStreamParser.looksLikePart(": comment")).isFalse();
    }
}
