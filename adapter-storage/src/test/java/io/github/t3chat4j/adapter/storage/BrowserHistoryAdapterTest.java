package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageStatus;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BrowserHistoryAdapterTest {

    static final String EPHEMERAL = """
            {"state":{
              "threads":[
                {"threadId":"t1","title":"Sky","model":"gemini-2.5-pro","profileId":null,
                 "createdAt":1767323045000,"updatedAt":1767323060000,"lastMessageAt":1767323070000,
                 "generationStatus":"completed"},
                {"threadId":"t2","title":"","model":"gpt-4o","createdAt":1767323100000,"updatedAt":1767323100000,
                 "generationStatus":"generating"}],
              "messages":{
                "t1":[
                  {"messageId":"m1","role":"user","parts":[{"type":"text","text":"Why is the sky blue?"}],
                   "createdAt":1767323045000},
                  {"_id":"m2","role":"assistant","model":"gemini-2.5-pro",
                   "parts":[{"type":"reasoning","text":"Short waves scatter."},{"type":"text","text":"Rayleigh "},
                            {"type":"text","text":"scattering."}],
                   "_creationTime":1767323050000.25},
                  {"messageId":"m3","role":"assistant","content":"","serverError":{"message":"Model overloaded"},
                   "createdAt":1767323070000}],
                "t2":[
                  {"messageId":"m4","role":"user","content":"Write a poem","createdAt":1767323100000},
                  {"messageId":"m5","role":"assistant","content":"Roses are","createdAt":1767323101000}]
              }},
             "version":0}
            """;

    static final String SIDEBAR = """
            [{"_id":"t1","title":"Sky (sidebar)","model":"gemini-2.5-pro","_creationTime":1767323045000.5,
              "updatedAt":1767323080000,"generationStatus":"completed"},
             {"threadId":"t3","title":"Old chat","model":"claude-4-sonnet","createdAt":1767000000000,
              "lastMessageAt":1767000500000}]
            """;

    @TempDir
    Path folder;

    private final ObjectMapper mapper = ConversationJson.newMapper();
    private final BrowserHistoryAdapter adapter = new BrowserHistoryAdapter(mapper);

    @Test
    void readsEphemeralChatData() throws IOException {
        List<Conversation> conversations = adapter.parseHistory(write("ephemeral.json", EPHEMERAL));

        assertThat(conversations).extracting(c -> c.threadId().value()).containsExactly("t1", "t2");
        Conversation sky = conversations.get(0);
        assertThat(sky.title()).isEqualTo("Sky");
        assertThat(sky.model()).isEqualTo(ModelId.of("gemini-2.5-pro"));
        assertThat(sky.settings()).isEqualTo(ChatSettings.defaults());
        assertThat(sky.createdAt()).isEqualTo(Instant.ofEpochMilli(1767323045000L));
        assertThat(sky.updatedAt()).isEqualTo(Instant.ofEpochMilli(1767323070000L));
        List<Message> messages = sky.messages();
        assertThat(messages).extracting(m -> m.id().value()).containsExactly("m1", "m2", "m3");
        assertThat(messages.get(0).role()).isEqualTo(Role.USER);
        assertThat(messages.get(0).text()).isEqualTo("Why is the sky blue?");
        assertThat(messages.get(1).text()).isEqualTo("Rayleigh scattering.");
        assertThat(messages.get(1).reasoning()).isEqualTo("Short waves scatter.");
        assertThat(messages.get(1).model()).contains(ModelId.of("gemini-2.5-pro"));
        assertThat(messages.get(1).createdAt()).isEqualTo(Instant.ofEpochMilli(1767323050000L));
        assertThat(messages.get(2).status()).isEqualTo(MessageStatus.ERROR);
        assertThat(messages.get(2).text()).isEqualTo("Model overloaded");
    }

    @Test
    void marksLastReplyIncompleteAndTakesTitleFromFirstQuestion_whenThreadWasStillGenerating() throws IOException {
        Conversation poem = adapter.parseHistory(write("ephemeral.json", EPHEMERAL)).get(1);

        assertThat(poem.title()).isEqualTo("Write a poem");
        assertThat(poem.messages().get(1).status()).isEqualTo(MessageStatus.INCOMPLETE);
        assertThat(poem.messages().get(1).text()).isEqualTo("Roses are");
    }

    @Test
    void readsSidebarThreadListAsConversationsWithoutMessages() throws IOException {
        List<Conversation> conversations = adapter.parseHistory(write("sidebar.json", SIDEBAR));

        assertThat(conversations).extracting(c -> c.threadId().value()).containsExactly("t1", "t3");
        Conversation old = conversations.get(1);
        assertThat(old.title()).isEqualTo("Old chat");
        assertThat(old.model()).isEqualTo(ModelId.of("claude-4-sonnet"));
        assertThat(old.messages()).isEmpty();
        assertThat(old.createdAt()).isEqualTo(Instant.ofEpochMilli(1767000000000L));
        assertThat(old.updatedAt()).isEqualTo(Instant.ofEpochMilli(1767000500000L));
    }

    @Test
    void readsStorageKeyMapWithJsonStringValues_mergingThreadsMetInSeveralKeys() throws IOException {
        ObjectNode storage = mapper.createObjectNode();
        storage.put("sidebar-thread-list:user_123", SIDEBAR);
        storage.put("ephemeral-chat-data", EPHEMERAL);
        storage.put("theme", "dark");

        List<Conversation> conversations = adapter.parseHistory(write("storage.json", storage.toString()));

        assertThat(conversations).extracting(c -> c.threadId().value()).containsExactlyInAnyOrder("t1", "t2", "t3");
        Conversation sky = conversations.stream().filter(c -> c.threadId().equals(ThreadId.of("t1"))).findFirst()
                .orElseThrow();
        assertThat(sky.messages()).hasSize(3);
        assertThat(sky.updatedAt()).isEqualTo(Instant.ofEpochMilli(1767323080000L));
    }

    @Test
    void readsStorageKeyMapWhoseValuesAreAlreadyJson() throws IOException {
        String storage = "{\"ephemeral-chat-data\": " + EPHEMERAL + "}";

        assertThat(adapter.parseHistory(write("storage.json", storage))).hasSize(2);
    }

    static Stream<Arguments> malformedExports() {
        return Stream.of(
                Arguments.of(EPHEMERAL.replace("\"role\":\"assistant\",\"model\"", "\"model\""),
                        "state.messages.t1[1].role is missing"),
                Arguments.of(EPHEMERAL.replace("\"role\":\"user\",\"content\"", "\"role\":\"system\",\"content\""),
                        "state.messages.t2[0].role must be \"user\" or \"assistant\", got \"system\""),
                Arguments.of(EPHEMERAL.replace("\"messageId\":\"m3\",", ""),
                        "state.messages.t1[2].messageId is missing"),
                Arguments.of(EPHEMERAL.replace("\"createdAt\":1767323101000", "\"createdAt\":\"yesterday\""),
                        "state.messages.t2[1].createdAt must be epoch milliseconds"),
                Arguments.of("{\"state\":{\"messages\":{\"t2\":{\"x\":1}}}}",
                        "state.messages.t2 must be a JSON array of messages"),
                Arguments.of(SIDEBAR.replace("\"threadId\":\"t3\",", ""), "[1].threadId is missing"),
                Arguments.of(SIDEBAR.replace("\"t3\"", "\"../../etc\""), "[1].threadId \"../../etc\" is not a usable"),
                Arguments.of("{\"ephemeral-chat-data\": \"{not json\"}",
                        "the value of \"ephemeral-chat-data\" is a string that is not valid JSON"),
                Arguments.of("{\"ephemeral-chat-data\": \"{\\\"threads\\\": []}\"}",
                        "ephemeral-chat-data: state is missing"),
                Arguments.of("{\"theme\": \"dark\"}", "no \"ephemeral-chat-data\" key"),
                Arguments.of("42", "the top level must be a JSON object or array"),
                Arguments.of("", "the file is empty"),
                Arguments.of("{\"state\": {\"threads\": [", "is not valid JSON"));
    }

    @ParameterizedTest
    @MethodSource("malformedExports")
    void namesWhatIsWrong_whenExportIsMalformed(String json, String expected) throws IOException {
        Path file = write("bad.json", json);

        assertThatThrownBy(() -> adapter.parseHistory(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(expected)
                .hasMessageContaining("bad.json");
    }

    @Test
    void saysItIsNotJson_whenLeadingZeroBytesMakeItLookLikeUtf32() throws IOException {
        // Found by BrowserHistoryAdapterFuzzTest: this was reported as a failure to read the disk.
        Path file = Files.write(folder.resolve("zeros.json"), new byte[] {0, 0, 0, '[', '{', '"', 't', 'h'});

        assertThatThrownBy(() -> adapter.parseHistory(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("zeros.json is not valid JSON: Invalid UTF-32 character");
    }

    @Test
    void saysSo_whenExportFileDoesNotExist() {
        assertThatThrownBy(() -> adapter.parseHistory(folder.resolve("missing.json")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("There is no history export at");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }
}
