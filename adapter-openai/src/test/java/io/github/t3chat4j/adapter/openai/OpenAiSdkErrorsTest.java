package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.github.t3chat4j.testkit.Scenarios;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each failure reaches the official SDK as the typed exception an OpenAI client expects. */
class OpenAiSdkErrorsTest {

    private final GatewayFixture fixture = GatewayFixture.start();
    private final OpenAIClient openai = fixture.sdk();

    @AfterEach
    void stop() {
        openai.close();
        fixture.close();
    }

    private static ChatCompletionCreateParams ask(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("hi").build();
    }

    @Test
    void refusesMoreThanOneChoice_asBadRequest() {
        assertThatThrownBy(() -> openai.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gemini-2.5-flash-lite").addUserMessage("hi").n(2).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.param()).hasValue("n");
                    assertThat(e.type()).hasValue("invalid_request_error");
                });
        assertThat(fixture.server.requests("/api/chat")).isEmpty();
    }

    @Test
    void refusesAWrongKey_asUnauthorized_withoutEchoingIt() {
        OpenAIClient wrong = fixture.sdk("not-the-key");
        try {
            assertThatThrownBy(() -> wrong.models().list())
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                        assertThat(e.code()).hasValue("invalid_api_key");
                        assertThat(e.getMessage()).doesNotContain("not-the-key");
                    });
        } finally {
            wrong.close();
        }
    }

    @Test
    void answersAnUnknownModel_asNotFound_withTheDidYouMean() {
        assertThatThrownBy(() -> openai.chat().completions().create(ask("gemini-2.5-flsh")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).hasValue("model_not_found");
                    assertThat(e.getMessage()).contains("Did you mean 'gemini-2.5-flash'?");
                });
        assertThatThrownBy(() -> openai.models().retrieve("claude-4-sonet"))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.getMessage()).contains("Did you mean 'claude-4-sonnet'?"));
    }

    @Test
    void passesT3ChatsRateLimitOn_asRateLimit_withRetryAfter() {
        fixture.server.enqueueChat(Scenarios.rateLimited(7));

        assertThatThrownBy(() -> openai.chat().completions().create(ask("gemini-2.5-flash-lite")))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.headers().values("Retry-After")).containsExactly("7");
                });
        assertThat(fixture.server.requests("/api/chat")).hasSize(1);
    }

    @Test
    void answersAnExpiredSession_asUnauthorized_withAdvice() {
        fixture.server.route("/api/chat", (exchange, request) -> {
            byte[] body = "{\"error\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });

        assertThatThrownBy(() -> openai.chat().completions().create(ask("gemini-2.5-flash-lite")))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.code()).hasValue("t3chat_session_expired");
                    assertThat(e.getMessage()).contains("Sign in to t3.chat").contains("gateway key is fine");
                });
    }

    @Test
    void answersTheBotFilter_asBadGateway() {
        fixture.server.enqueueChat(Scenarios.botChallenge());

        assertThatThrownBy(() -> openai.chat().completions().create(ask("gemini-2.5-flash-lite")))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(502);
                    assertThat(e.code()).hasValue("t3chat_bot_protection");
                });
    }

    @Test
    void passesT3ChatsServerErrorOn_withItsStatusAndRetryAfter_withoutRetryingItself() {
        fixture.server.enqueueChat(exchange -> exchange.header("Retry-After", "11").json(503, "{\"error\":\"busy\"}"));

        assertThatThrownBy(() -> openai.chat().completions().create(ask("gemini-2.5-flash-lite")))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.headers().values("Retry-After")).containsExactly("11");
                    assertThat(e.code()).hasValue("t3chat_unavailable");
                });
        assertThat(fixture.server.requests("/api/chat")).hasSize(1);
    }

    @Test
    void answersACutOffReply_asBadGateway_whenNotStreaming() {
        fixture.server.enqueueChat(Scenarios.truncated());

        assertThatThrownBy(() -> openai.chat().completions().create(ask("gemini-2.5-flash-lite")))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(502);
                    assertThat(e.code()).hasValue("t3chat_reply_cut_off");
                });
    }

    @Test
    void endsAStreamWithAnErrorEvent_neverAStop_whenT3ChatFailsMidReply() {
        fixture.server.enqueueChat(Scenarios.errorAfterText());
        List<ChatCompletionChunk> received = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions()
                    .createStreaming(ask("gemini-2.5-flash-lite"))) {
                stream.stream().forEach(received::add);
            }
        }).isInstanceOfSatisfying(SseException.class, e -> assertThat(e.getMessage()).contains(Scenarios.ERROR_TEXT));

        assertThat(received).flatExtracting(ChatCompletionChunk::choices)
                .allSatisfy(choice -> assertThat(choice.finishReason()).isEmpty());
        assertThat(received).flatExtracting(ChatCompletionChunk::choices)
                .anySatisfy(choice -> assertThat(choice.delta().content()).hasValue(Scenarios.PARTIAL_TEXT));
    }

    @Test
    void endsAStreamWithAnErrorEvent_whenT3ChatsReplyIsCutOff() {
        fixture.server.enqueueChat(Scenarios.truncated());

        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions()
                    .createStreaming(ask("gemini-2.5-flash-lite"))) {
                stream.stream().forEach(chunk -> { });
            }
        }).isInstanceOfSatisfying(OpenAIServiceException.class,
                e -> assertThat(e.getMessage()).contains("cut off"));
    }
}
