package io.github.t3chat4j.adapter.http.internal.trpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrpcInputTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void marksAnUndefinedInputAtTheRoot() {
        assertThat(TrpcInput.encodeBatch(TrpcInput.UNDEFINED, mapper))
                .isEqualTo("{\"0\":{\"json\":null,\"meta\":{\"values\":[\"undefined\"]}}}");
    }

    @Test
    void marksAnUndefinedFieldAtItsPath() {
        assertThat(TrpcInput.encodeBatch(map("sessionId", TrpcInput.UNDEFINED), mapper))
                .isEqualTo("{\"0\":{\"json\":{\"sessionId\":null},\"meta\":{\"values\":{\"sessionId\":[\"undefined\"]}}}}");
    }

    @Test
    void writesNoMeta_whenNothingIsUndefined() {
        assertThat(TrpcInput.encodeBatch(map("includeLocation", false), mapper))
                .isEqualTo("{\"0\":{\"json\":{\"includeLocation\":false}}}");
        assertThat(TrpcInput.encodeBatch(null, mapper)).isEqualTo("{\"0\":{\"json\":null}}");
    }

    @Test
    void escapesDotsAndJoinsNestedPaths() {
        Map<String, Object> inner = map("a.b", TrpcInput.UNDEFINED);
        Map<String, Object> input = map("outer", inner);
        input.put("list", Arrays.asList(1, TrpcInput.UNDEFINED));

        assertThat(TrpcInput.encodeBatch(input, mapper)).isEqualTo("{\"0\":{\"json\":{\"outer\":{\"a.b\":null},"
                + "\"list\":[1,null]},\"meta\":{\"values\":{\"outer.a\\\\.b\":[\"undefined\"],"
                + "\"list.1\":[\"undefined\"]}}}}");
    }

    private static Map<String, Object> map(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }
}
