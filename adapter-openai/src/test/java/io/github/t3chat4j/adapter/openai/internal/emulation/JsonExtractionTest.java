package io.github.t3chat4j.adapter.openai.internal.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonExtractionTest {

    @Test
    void takesAReplyThatIsJson() {
        assertThat(JsonExtraction.extract(" {\"a\": 1}\n")).hasValueSatisfying(j -> assertThat(j.toString()).isEqualTo("{\"a\":1}"));
    }

    @Test
    void takesTheJsonOfACodeFence() {
        assertThat(JsonExtraction.extract("Here you go:\n```json\n{\"a\": [1, 2]}\n```\nAnything else?"))
                .hasValueSatisfying(j -> assertThat(j.toString()).isEqualTo("{\"a\":[1,2]}"));
    }

    @Test
    void takesTheFirstBalancedObject_inProse_withBracesInsideStrings() {
        assertThat(JsonExtraction.extract("The answer is {\"text\": \"a } and {\", \"n\": 2}. Thanks {"))
                .hasValueSatisfying(j -> assertThat(j.path("text").asText()).isEqualTo("a } and {"));
    }

    @Test
    void findsNothing_inProseOrBrokenJson() {
        assertThat(JsonExtraction.extract("I cannot answer that.")).isEmpty();
        assertThat(JsonExtraction.extract("{\"a\": 1")).isEmpty();
        assertThat(JsonExtraction.extract("")).isEmpty();
    }
}
