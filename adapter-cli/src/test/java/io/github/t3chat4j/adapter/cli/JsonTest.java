package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("a", "q\"b\\n\n\u0001\u2028");
        fields.put("b", null);
        fields.put("c", true);

        assertThat(Json.object(fields)).isEqualTo("{\"a\":\"q\\\"b\\\\n\\n\\u0001\\u2028\",\"b\":null,\"c\":true}");
    }
}
