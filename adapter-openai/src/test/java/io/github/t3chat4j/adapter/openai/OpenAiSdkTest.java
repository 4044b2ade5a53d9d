package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.ChatModel;
import com.openai.models.ReasoningEffort;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import com.openai.models.models.Model;
import io.github.t3chat4j.testkit.Scenarios;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK against the gateway, over loopback, in front of the fake t3.chat. */
class OpenAiSdkTest {

    private final GatewayFixture fixture = GatewayFixture.start();
    private final OpenAIClient openai = fixture.sdk();

    @AfterEach
    void stop() {
        openai.close();
        fixture.close();
    }

    private static ChatCompletionCreateParams.Builder ask(String model, String text) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(text);
    }

    @Test
    void listsTheT3ChatCatalogue() {
        List<Model> models = openai.models().list().data();

        assertThat(models).extracting(Model::id).contains("gemini-2.5-flash-lite", "claude-4-sonnet", "gpt-image-1");
        assertThat(models).allSatisfy(m -> assertThat(m.ownedBy()).isNotBlank());
    }

    @Test
    void retrievesOneModel() {
        Model model = openai.models().retrieve("claude-4-sonnet");

        assertThat(model.id()).isEqualTo("claude-4-sonnet");
        assertThat(model.ownedBy()).isEqualTo("anthropic");
    }

    @Test
    void answersACompletion_withTheWholeHistoryAndTheSystemPromptSentToT3Chat() {
        ChatCompletion completion = openai.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gemini-2.5-flash")
                .addSystemMessage("Answer like a pirate.")
                .addUserMessage("first question")
                .addAssistantMessage("first answer")
                .addUserMessage("second question")
                .build());

        assertThat(completion.choices()).hasSize(1);
        ChatCompletion.Choice choice = completion.choices().get(0);
        assertThat(choice.message().content()).hasValue("Echo(3): second question");
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.model()).isEqualTo("gemini-2.5-flash");
        assertThat(completion.id()).startsWith("chatcmpl-");
        assertThat(completion.usage()).hasValueSatisfying(u -> assertThat(u.completionTokens()).isPositive());
        var sent = fixture.lastChatBody();
        assertThat(sent.path("preferences").path("additionalInfo").asText()).isEqualTo("Answer like a pirate.");
        assertThat(sent.path("model").asText()).isEqualTo("gemini-2.5-flash");
    }

    @Test
    void streamsACompletion_deltaByDelta_asT3ChatSendsIt() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        fixture.server.enqueueChat(Scenarios.gated(gate));
        List<String> deltas = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions()
                .createStreaming(ask("gemini-2.5-flash-lite", "hi").build())) {
            Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
            ChatCompletionChunk first = chunks.next();
            assertThat(first.choices().get(0).delta().role()).isPresent();
            ChatCompletionChunk second = chunks.next();
            // The first delta arrived while t3.chat still holds back the rest.
            assertThat(second.choices().get(0).delta().content()).hasValue(Scenarios.GATED_FIRST);
            gate.countDown();
            List<ChatCompletionChunk> rest = new ArrayList<>();
            chunks.forEachRemaining(rest::add);
            rest.forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(deltas::add)));
            ChatCompletionChunk last = rest.get(rest.size() - 1);
            assertThat(last.choices().get(0).finishReason()).hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
        }
        assertThat(String.join("", deltas)).isEqualTo(Scenarios.GATED_REST);
    }

    @Test
    void reportsUsageInAFinalChunk_whenStreamOptionsAskForIt() {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(
                ask("gemini-2.5-flash-lite", "count me").streamOptions(ChatCompletionStreamOptions.builder()
                        .includeUsage(true).build()).build())) {
            stream.stream().forEach(chunks::add);
        }

        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isPositive());
    }

    @Test
    void keepsReasoningApartInReasoningContent_inAWholeAnswer() {
        fixture.server.enqueueChat(Scenarios.reasoning());

        ChatCompletion completion = openai.chat().completions().create(ask("claude-4-sonnet", "hello")
                .reasoningEffort(ReasoningEffort.HIGH).build());

        ChatCompletion.Choice choice = completion.choices().get(0);
        assertThat(choice.message().content()).hasValue(Scenarios.REASONING_ANSWER);
        Map<String, JsonValue> extra = choice.message()._additionalProperties();
        assertThat(extra.get("reasoning_content").asString()).hasValue(Scenarios.REASONING_TEXT);
        assertThat(fixture.lastChatBody()
                .path("modelParams").path("reasoningEffort").asText()).isEqualTo("high");
    }

    @Test
    void streamsReasoningAsReasoningContentDeltas_neverInContent() {
        fixture.server.enqueueChat(Scenarios.reasoning());
        StringBuilder reasoning = new StringBuilder();
        StringBuilder content = new StringBuilder();

        try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(
                ask("claude-4-sonnet", "hello").build())) {
            stream.stream().flatMap(c -> c.choices().stream()).forEach(choice -> {
                choice.delta().content().ifPresent(content::append);
                JsonValue value = choice.delta()._additionalProperties().get("reasoning_content");
                if (value != null) {
                    value.asString().ifPresent(reasoning::append);
                }
            });
        }

        assertThat(reasoning.toString()).isEqualTo(Scenarios.REASONING_TEXT);
        assertThat(content.toString()).isEqualTo(Scenarios.REASONING_ANSWER);
    }

    @Test
    void turnsAnImageReplyIntoMarkdownImageContent() {
        fixture.server.enqueueChat(Scenarios.imageAt(fixture.images.imageUrl()));

        ChatCompletion completion = openai.chat().completions().create(ask("gpt-image-1", "a cat").build());

        assertThat(completion.choices().get(0).message().content())
                .hasValue("![image](" + fixture.images.imageUrl() + ")");
    }

    @Test
    void generatesAnImage_asAUrl_whenAsked() {
        fixture.server.enqueueChat(Scenarios.imageAt(fixture.images.imageUrl()));

        ImagesResponse images = openai.images().generate(ImageGenerateParams.builder().prompt("a lighthouse")
                .model("gpt-image-1").responseFormat(ImageGenerateParams.ResponseFormat.URL).build());

        assertThat(images.data()).hasValueSatisfying(data -> assertThat(data.get(0).url())
                .hasValue(fixture.images.imageUrl().toString()));
        assertThat(fixture.lastChatBody().path("model").asText())
                .isEqualTo("gpt-image-1");
    }

    @Test
    void generatesAnImage_asBase64_byDefault_forGptImageModels_asOpenAiDoes() {
        fixture.server.enqueueChat(Scenarios.imageAt(fixture.images.imageUrl()));

        ImagesResponse images = openai.images().generate(ImageGenerateParams.builder().prompt("a lighthouse")
                .model("gpt-image-1").build());

        var data = images.data().orElseThrow().get(0);
        assertThat(data.url()).isEmpty();
        assertThat(Base64.getDecoder().decode(data.b64Json().orElseThrow())).isEqualTo(Scenarios.TINY_PNG);
    }

    @Test
    void generatesAnImage_asBase64_downloadedWithoutTheCookie() {
        fixture.server.enqueueChat(Scenarios.imageAt(fixture.images.imageUrl()));

        ImagesResponse images = openai.images().generate(ImageGenerateParams.builder().prompt("a lighthouse")
                .model(ChatModel.of("gpt-image-1").asString())
                .responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON).build());

        String b64 = images.data().orElseThrow().get(0).b64Json().orElseThrow();
        assertThat(Base64.getDecoder().decode(b64)).isEqualTo(Scenarios.TINY_PNG);
        assertThat(fixture.images.sawCookie()).isFalse();
    }

    @Test
    void buildsEachRequestAsAConversationOfItsOwn() {
        openai.chat().completions().create(ask("gemini-2.5-flash-lite", "one").build());
        ChatCompletion second = openai.chat().completions().create(ask("gemini-2.5-flash-lite", "two").build());

        assertThat(second.choices().get(0).message().content()).hasValue("Echo(1): two");
        var chats = fixture.server.requests("/api/chat");
        assertThat(chats).hasSize(2);
        assertThat(GatewayFixture.json(chats.get(0)).path("threadMetadata").path("id").asText())
                .isNotEqualTo(GatewayFixture.json(chats.get(1)).path("threadMetadata").path("id").asText());
    }

    @Test
    void waitsForEveryConcurrentStream_beforeAnswering_thenKeepsEachItsOwnReply() throws Exception {
        int streams = 32;
        CountDownLatch allArrived = new CountDownLatch(streams);
        fixture.server.defaultChat(exchange -> {
            allArrived.countDown();
            // Every reply starts only once all 32 requests are open at t3.chat at the same time.
            if (!allArrived.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not all streams arrived");
            }
            Scenarios.echo().respond(exchange);
        });
        List<Thread> threads = new ArrayList<>();
        String[] answers = new String[streams];
        for (int i = 0; i < streams; i++) {
            int n = i;
            Thread thread = new Thread(() -> {
                StringBuilder text = new StringBuilder();
                try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(
                        ask("gemini-2.5-flash-lite", "caller number " + n).build())) {
                    stream.stream().flatMap(c -> c.choices().stream())
                            .forEach(ch -> ch.delta().content().ifPresent(text::append));
                }
                answers[n] = text.toString();
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }

        assertThat(allArrived.getCount()).isZero();
        for (int i = 0; i < streams; i++) {
            assertThat(answers[i]).isEqualTo("Echo(1): caller number " + i);
        }
    }
}
