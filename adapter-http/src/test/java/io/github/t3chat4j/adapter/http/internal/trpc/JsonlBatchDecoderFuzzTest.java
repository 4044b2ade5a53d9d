package io.github.t3chat4j.adapter.http.internal.trpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the tRPC JSON-lines decoder arbitrary bodies. Documented outcome: the batch's values by index,
 * or a {@link TrpcFormatException} (which {@link TrpcClient} reports as an unexpected answer); nothing
 * else, and no placeholder arrangement makes the work or the result outgrow the body by much.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JsonlBatchDecoderFuzzTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @FuzzTest
    void decodesAnyBatch_orSaysWhyNot(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        String firstLine = body.strip().lines().findFirst().orElse("");
        JsonlBatchDecoder.isHead(firstLine, MAPPER);

        Map<String, JsonNode> batch;
        try {
            batch = JsonlBatchDecoder.decode(body, MAPPER);
        } catch (TrpcFormatException documented) {
            assertThat(documented.getMessage()).isNotBlank();
            return;
        }

        assertThat(batch).isNotEmpty();
        assertThat(batch.keySet()).allMatch(key -> !key.isEmpty() && key.chars().allMatch(Character::isDigit));
        assertThat(batch.values()).doesNotContainNull();
    }
}
