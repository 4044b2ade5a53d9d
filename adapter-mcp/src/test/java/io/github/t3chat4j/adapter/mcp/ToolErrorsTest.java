package io.github.t3chat4j.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.error.RateLimitedException;
import io.github.t3chat4j.application.error.Remedy;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.UnknownModelException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolErrorsTest {

    private final ToolErrors errors = new ToolErrors(new Secrets(List.of("secret-cookie-value")),
            typed -> List.of("claude-4-sonnet", "claude-4-opus", "gpt-4o"),
            Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

    private static String text(CallToolResult result) {
        assertThat(result.isError()).isTrue();
        return ((TextContent) result.content().get(0)).text();
    }

    @Test
    void anUnknownModel_namesTheNearestIds() {
        assertThat(text(errors.of(new UnknownModelException("claude-4-sonet", null))))
                .startsWith("Unknown model 'claude-4-sonet'. The nearest model ids: claude-4-sonnet, claude-4-opus, gpt-4o.")
                .endsWith("Call list_models for every model id with its abilities.");
    }

    @Test
    void aRateLimit_saysWhenToRetry_atTheClockOfTheServer() {
        assertThat(text(errors.of(new RateLimitedException(Duration.ofSeconds(90)))))
                .contains("Retry in 90 s (at 10:01:30 UTC)");
        assertThat(text(errors.of(new RateLimitedException(null)))).contains("Retry in about a minute");
    }

    @Test
    void anExpiredSession_tellsTheUserToSignInAgain_withoutTheSecretItWasGiven() {
        assertThat(text(errors.of(new SessionExpiredException("rejected secret-cookie-value"))))
                .contains("t3 login --from-browser").contains("[redacted]").doesNotContain("secret-cookie-value");
    }

    @Test
    void everyRemedyOfTheLibrary_isSaidInWordsAHostCanActOn_neverInTheLibrarysApiNames() {
        for (Remedy remedy : Remedy.values()) {
            assertThat(ToolErrors.advice(remedy)).as(remedy.name()).isNotBlank()
                    .doesNotContain("HttpConfig").doesNotContain("T3Client").doesNotContain("ChatOptions")
                    .doesNotContain("GatewayConfig").doesNotContain("AccountClient");
        }
        assertThat(ToolErrors.advice(Remedy.OWN_KEY)).contains("reasoning_effort 'low'");
    }

    @Test
    void anyOtherFailure_isStillAToolError() {
        assertThat(text(errors.of(new IllegalStateException("boom")))).contains("IllegalStateException").contains("boom");
    }
}
