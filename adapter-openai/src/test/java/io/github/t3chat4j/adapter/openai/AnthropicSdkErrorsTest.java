package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.InternalServerException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.SseException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.Base64ImageSource;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.ImageBlockParam;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlockParam;
import io.github.t3chat4j.testkit.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's failures as the Anthropic Java SDK sees them: each status in Anthropic's error shape,
 * so the SDK throws the exception it documents for it, with the error type it names; t3.chat's 429 and
 * 503 passed on (the latter as Anthropic's 529 overloaded) with their {@code Retry-After}; and a failure
 * after the stream began as an {@code error} event, never a {@code message_stop}.
 */
class AnthropicSdkErrorsTest {

    private final GatewayFixture fixture = GatewayFixture.start();
    private final AnthropicClient anthropic = AnthropicSdkTest.client(fixture, GatewayFixture.KEY);

    @AfterEach
    void stop() {
        anthropic.close();
        fixture.close();
    }

    private static MessageCreateParams ask(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(256).addUserMessage("Hello").build();
    }

    private static String type(AnthropicServiceException e) {
        return e.errorType().map(Object::toString).orElse("none");
    }

    @Test
    void refusesAWrongKey_asAuthenticationError_withoutEchoingIt() {
        AnthropicClient wrong = AnthropicSdkTest.client(fixture, "not-the-key-at-all");
        try {
            assertThatThrownBy(() -> wrong.messages().create(ask("claude-sonnet-4-5")))
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(type(e)).isEqualTo("authentication_error");
                        assertThat(e.getMessage()).doesNotContain("not-the-key-at-all");
                    });
        } finally {
            wrong.close();
        }
        assertThat(fixture.server.requests("/api/chat")).isEmpty();
    }

    @Test
    void refusesWhatTheGatewayCannotPass_asInvalidRequest_namingIt() {
        ContentBlockParam image = ContentBlockParam.ofImage(ImageBlockParam.builder().source(Base64ImageSource.builder()
                .mediaType(Base64ImageSource.MediaType.IMAGE_PNG).data(Scenarios.TINY_PNG_DATA_URL.substring(
                        "data:image/png;base64,".length())).build()).build());
        MessageCreateParams withImage = MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(256)
                .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofText(TextBlockParam.builder()
                        .text("What is this?").build()), image)).build();

        assertThatThrownBy(() -> anthropic.messages().create(withImage))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(type(e)).isEqualTo("invalid_request_error");
                    assertThat(e.getMessage()).contains("messages.0.content.1").contains("image");
                });
        MessageCreateParams serverTool = ask("claude-sonnet-4-5").toBuilder()
                .putAdditionalBodyProperty("tools", JsonValue.from(List.of(Map.of("type", "bash_20250124",
                        "name", "bash")))).build();
        assertThatThrownBy(() -> anthropic.messages().create(serverTool))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.getMessage()).contains("tools.0.type").contains("bash_20250124"));
        assertThat(fixture.server.requests("/api/chat")).isEmpty();
    }

    @Test
    void answersAModelT3ChatDoesNotHave_asNotFound_withTheDidYouMean() {
        assertThatThrownBy(() -> anthropic.messages().create(ask("gemini-2.5-flsh")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(type(e)).isEqualTo("not_found_error");
                    assertThat(e.getMessage()).contains("Did you mean 'gemini-2.5-flash'?");
                });
    }

    @Test
    void answersARuleToAModelT3ChatDoesNotHave_asNotFound_namingTheRule() {
        try (GatewayFixture ruled = GatewayFixture.start(config -> config.withAnthropicModels(
                Map.of("claude-opus*", "gemini-2.5-flsh")))) {
            AnthropicClient client = AnthropicSdkTest.client(ruled, GatewayFixture.KEY);
            try {
                assertThatThrownBy(() -> client.messages().create(ask("claude-opus-4-1")))
                        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.getMessage())
                                .contains("'claude-opus-4-1' is mapped to 'gemini-2.5-flsh' (--anthropic-model)")
                                .contains("did you mean 'gemini-2.5-flash'?"));
                assertThat(ruled.server.requests("/api/chat")).isEmpty();
            } finally {
                client.close();
            }
        }
    }

    @Test
    void passesT3ChatsRateLimitOn_asRateLimitError_withRetryAfter() {
        fixture.server.enqueueChat(Scenarios.rateLimited(7));

        assertThatThrownBy(() -> anthropic.messages().create(ask("claude-sonnet-4-5")))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(type(e)).isEqualTo("rate_limit_error");
                    assertThat(e.headers().values("retry-after")).containsExactly("7");
                });
        assertThat(fixture.server.requests("/api/chat")).hasSize(1);
    }

    @Test
    void passesT3ChatsServiceUnavailableOn_asOverloaded_withRetryAfter() {
        fixture.server.enqueueChat(exchange -> exchange.header("Retry-After", "11").json(503, "{\"error\":\"busy\"}"));

        assertThatThrownBy(() -> anthropic.messages().create(ask("claude-sonnet-4-5")))
                .isInstanceOfSatisfying(OverloadedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(529);
                    assertThat(type(e)).isEqualTo("overloaded_error");
                    assertThat(e.headers().values("retry-after")).containsExactly("11");
                });
    }

    @Test
    void answersTheBotCheckpoint_asApiError() {
        fixture.server.enqueueChat(Scenarios.botChallenge());

        assertThatThrownBy(() -> anthropic.messages().create(ask("claude-sonnet-4-5")))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(502);
                    assertThat(type(e)).isEqualTo("api_error");
                });
    }

    @Test
    void endsAStreamWithAnErrorEvent_neverAMessageStop_whenT3ChatFailsMidReply() {
        fixture.server.enqueueChat(Scenarios.errorAfterText());
        List<RawMessageStreamEvent> received = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(
                    ask("claude-sonnet-4-5"))) {
                stream.stream().forEach(received::add);
            }
        }).isInstanceOfSatisfying(SseException.class, e -> assertThat(e.getMessage()).contains(Scenarios.ERROR_TEXT));

        assertThat(received).anyMatch(RawMessageStreamEvent::isMessageStart)
                .noneMatch(RawMessageStreamEvent::isMessageStop).noneMatch(RawMessageStreamEvent::isMessageDelta);
        assertThat(received).anySatisfy(event -> assertThat(event.contentBlockDelta()).hasValueSatisfying(
                delta -> assertThat(delta.delta().asText().text()).isEqualTo(Scenarios.PARTIAL_TEXT)));
    }
}
