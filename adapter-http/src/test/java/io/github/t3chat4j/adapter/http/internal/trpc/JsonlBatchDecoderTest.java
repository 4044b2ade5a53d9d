package io.github.t3chat4j.adapter.http.internal.trpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JsonlBatchDecoderTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void resolvesTheProtocolExample() throws Exception {
        String body = """
                {"json":{"0":[[0],[null,0,0]]}}
                {"json":[0,0,[[{"result":0}],["result",0,1]]]}
                {"json":[1,0,[[{"data":0}],["data",0,2]]]}
                {"json":[2,0,[[[{"id":"session_01","createdAt":"2025-06-01T12:00:00.000Z"}]]]]}
                """;

        Map<String, JsonNode> batch = JsonlBatchDecoder.decode(body, mapper);

        assertThat(batch.get("0")).isEqualTo(mapper.readTree(
                "{\"result\":{\"data\":[{\"id\":\"session_01\",\"createdAt\":\"2025-06-01T12:00:00.000Z\"}]}}"));
    }

    @Test
    void resolvesChunksThatArriveOutOfOrder() throws Exception {
        String body = """
                {"json":{"0":[[0],[null,0,0]]}}
                {"json":[2,0,[["late value"]]]}
                {"json":[1,0,[[{"data":0}],["data",0,2]]]}
                {"json":[0,0,[[{"result":0}],["result",0,1]]]}
                """;

        assertThat(JsonlBatchDecoder.decode(body, mapper).get("0"))
                .isEqualTo(mapper.readTree("{\"result\":{\"data\":\"late value\"}}"));
    }

    @Test
    void resolvesPlaceholdersWhoseChunksHoldPlaceholdersOfTheirOwn() throws Exception {
        String body = """
                {"json":{"0":[[{"result":0}],["result",0,0]],"1":[[{"result":{"data":1}}]]}}
                {"json":[0,0,[[{"data":0,"extra":0}],["data",0,1],["extra",0,2]]]}
                {"json":[1,0,[[{"a":0,"b":"plain"}],["a",0,3]]]}
                {"json":[2,0,[[[1,0,3]],[1,0,4]]]}
                {"json":[3,0,[["deep"]]]}
                {"json":[4,0,[[{"two":2}]]]}
                """;

        Map<String, JsonNode> batch = JsonlBatchDecoder.decode(body, mapper);

        assertThat(batch.get("0")).isEqualTo(mapper.readTree(
                "{\"result\":{\"data\":{\"a\":\"deep\",\"b\":\"plain\"},\"extra\":[1,{\"two\":2},3]}}"));
        assertThat(batch.get("1")).isEqualTo(mapper.readTree("{\"result\":{\"data\":1}}"));
    }

    @Test
    void collectsTheItemsOfAnAsyncIterable() throws Exception {
        String body = """
                {"json":{"0":[[{"result":0}],["result",1,0]]}}
                {"json":[0,1,[["a"]]]}
                {"json":[0,1,[["b"]]]}
                """;

        assertThat(JsonlBatchDecoder.decode(body, mapper).get("0"))
                .isEqualTo(mapper.readTree("{\"result\":[\"a\",\"b\"]}"));
    }

    @Test
    void turnsARejectedChunkIntoAnError() throws Exception {
        String body = """
                {"json":{"0":[[0],[null,0,0]]}}
                {"json":[0,1,[[{"message":"UNAUTHORIZED","data":{"httpStatus":401}}]]]}
                """;

        assertThat(JsonlBatchDecoder.decode(body, mapper).get("0").path("error").path("data").path("httpStatus")
                .asInt()).isEqualTo(401);
    }

    @Test
    void recognisesAHeadLine() {
        assertThat(JsonlBatchDecoder.isHead("{\"json\":{\"0\":[[0],[null,0,0]]}}", mapper)).isTrue();
        assertThat(JsonlBatchDecoder.isHead("{\"0\":[[0],[null,0,0]]}", mapper)).isTrue();
        assertThat(JsonlBatchDecoder.isHead("[{\"result\":{\"data\":{\"json\":1}}}]", mapper)).isFalse();
        assertThat(JsonlBatchDecoder.isHead("{\"json\":{\"result\":[1]}}", mapper)).isFalse();
        assertThat(JsonlBatchDecoder.isHead("not json", mapper)).isFalse();
    }

    @Test
    void failsOnAChunkThatNeverArrives() {
        String body = "{\"json\":{\"0\":[[0],[null,0,0]]}}\n{\"json\":[0,0,[[{\"result\":0}],[\"result\",0,7]]]}";

        assertThatThrownBy(() -> JsonlBatchDecoder.decode(body, mapper))
                .isInstanceOf(TrpcFormatException.class).hasMessage("chunk 7 never arrived");
    }

    @Test
    void failsOnAChunkThatRefersToItself() {
        String body = "{\"json\":{\"0\":[[0],[null,0,0]]}}\n{\"json\":[0,0,[[{\"result\":0}],[\"result\",0,0]]]}";

        assertThatThrownBy(() -> JsonlBatchDecoder.decode(body, mapper))
                .isInstanceOf(TrpcFormatException.class).hasMessageContaining("refers to itself");
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void failsOnAChunkReferredToTwice_ratherThanResolvingItAgainAndAgain() {
        // Each chunk naming the next one twice would take 2^40 resolutions.
        StringBuilder body = new StringBuilder("{\"json\":{\"0\":[[0],[null,0,0]]}}\n");
        for (int chunk = 0; chunk < 40; chunk++) {
            body.append("{\"json\":[").append(chunk).append(",0,[[[0,0]],[0,0,").append(chunk + 1).append("],[1,0,")
                    .append(chunk + 1).append("]]]}\n");
        }
        body.append("{\"json\":[40,0,[[\"leaf\"]]]}\n");

        assertThatThrownBy(() -> JsonlBatchDecoder.decode(body.toString(), mapper))
                .isInstanceOf(TrpcFormatException.class).hasMessageEndingWith("is referred to twice");
    }

    @Test
    void failsOnChunksNestedDeeperThanAnyAnswer_ratherThanOverflowingTheStack() {
        StringBuilder body = new StringBuilder("{\"json\":{\"0\":[[0],[null,0,0]]}}\n");
        for (int chunk = 0; chunk < 100_000; chunk++) {
            body.append('[').append(chunk).append(",0,[[0],[null,0,").append(chunk + 1).append("]]]\n");
        }

        assertThatThrownBy(() -> JsonlBatchDecoder.decode(body.toString(), mapper))
                .isInstanceOf(TrpcFormatException.class).hasMessageContaining("nest deeper than");
    }

    @Test
    void failsOnALineThatIsNotJson() {
        String body = "{\"json\":{\"0\":[[0],[null,0,0]]}}\n{\"json\":[0,0,[[1]]]\n";

        assertThatThrownBy(() -> JsonlBatchDecoder.decode(body, mapper))
                .isInstanceOf(TrpcFormatException.class).hasMessageContaining("line 2");
    }
}
