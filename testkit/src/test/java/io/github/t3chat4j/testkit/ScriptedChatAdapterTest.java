package io.github.t3chat4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.ServiceUnavailableException;
import io.github.t3chat4j.domain.message.Message;
import org.junit.jupiter.api.Test;

class ScriptedChatAdapterTest {

    @Test
    void answersEachSendWithTheNextScriptedReply_andRecordsTheRequests() {
        ScriptedChatAdapter chat = new ScriptedChatAdapter().thenReply("Hel", "lo").thenReply("again");
        T3Client client = T3Client.builder().chatTransport(chat).build();

        assertThat(client.send("hi").text()).isEqualTo("Hello");
        assertThat(client.send("more").text()).isEqualTo("again");

        assertThat(chat.requests()).hasSize(2);
        assertThat(chat.requests().get(1).messages()).extracting(Message::text).containsExactly("hi", "Hello", "more");
    }

    @Test
    void failsAsScripted_andSaysWhenTheScriptRunsOut() {
        ScriptedChatAdapter chat = new ScriptedChatAdapter().thenFail(new ServiceUnavailableException(503, null));
        T3Client client = T3Client.builder().chatTransport(chat).build();

        assertThatThrownBy(() -> client.send("hi")).isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> client.send("hi")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no answer left");
    }
}
