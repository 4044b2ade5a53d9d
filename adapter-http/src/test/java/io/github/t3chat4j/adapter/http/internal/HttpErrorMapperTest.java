package io.github.t3chat4j.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.http.Fixtures;
import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.RateLimitedException;
import io.github.t3chat4j.application.error.ServiceUnavailableException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpErrorMapperTest {

    private static final Redactor REDACTOR = Redactor.of(Fixtures.session());

    private static T3ChatException map(int status, String contentType, String body) {
        return HttpErrorMapper.forStatus("POST /api/chat", status, contentType, body, Optional.empty(), REDACTOR);
    }

    @Test
    void throwsSessionExpired_when401() {
        assertThat(map(401, "application/json", "{}")).isInstanceOf(SessionExpiredException.class);
    }

    @Test
    void throwsSessionExpired_when403WithJson() {
        assertThat(map(403, "application/json", "{\"error\":\"forbidden\"}")).isInstanceOf(SessionExpiredException.class);
    }

    @Test
    void throwsBlockedByBotProtection_when403WithHtml() {
        assertThat(map(403, "text/html", "<html>…")).isInstanceOf(BlockedByBotProtectionException.class);
        assertThat(map(403, "", "<!DOCTYPE html><html>")).isInstanceOf(BlockedByBotProtectionException.class);
    }

    @Test
    void throwsRateLimited_with429RetryAfter() {
        T3ChatException e = HttpErrorMapper.forStatus("POST /api/chat", 429, "", "", Optional.of(Duration.ofSeconds(9)),
                REDACTOR);

        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
                r -> assertThat(r.retryAfter()).hasValue(Duration.ofSeconds(9)));
    }

    @Test
    void throwsServiceUnavailable_when5xx() {
        assertThat(map(500, "", "")).isInstanceOfSatisfying(ServiceUnavailableException.class,
                e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(map(504, "", "")).isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void throwsUnexpectedResponse_withTheServersShortMessage() {
        assertThat(map(400, "application/json", "{\"error\":\"'messages' must be a non-empty array.\"}"))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("POST /api/chat answered HTTP 400: 'messages' must be a non-empty array.");
        assertThat(map(404, "text/html", "<html><head><title>Not Found</title></head></html>"))
                .hasMessageContaining("HTTP 404: Not Found");
        assertThat(map(422, "application/json", "[{\"error\":{\"json\":{\"message\":\"bad input\"}}}]"))
                .hasMessageContaining("bad input");
    }

    @Test
    void truncatesLongServerMessages() {
        String message = map(400, "text/plain", "x".repeat(5000)).getMessage();

        assertThat(message).contains("x".repeat(HttpErrorMapper.MAX_SERVER_MESSAGE) + "…").doesNotContain("x".repeat(201));
    }

    @Test
    void scrubsSecretsFromServerMessages() {
        String body = "{\"error\":\"bad cookie " + Fixtures.COOKIE_HEADER + " for convex " + Fixtures.CONVEX_ID
                + " token=abc123\"}";

        String message = map(400, "application/json", body).getMessage();

        Fixtures.SECRETS.forEach(secret -> assertThat(message).doesNotContain(secret));
        assertThat(message).doesNotContain("abc123").contains(Redactor.REDACTED);
    }

    @Test
    void explainsWhatToCheck_whenTheConnectionFails() {
        TransportException refused = HttpErrorMapper.forIo("POST /api/chat", "http://127.0.0.1:1",
                new ConnectException("Connection refused"), REDACTOR);
        TransportException timeout = HttpErrorMapper.forIo("POST /api/chat", "https://t3.chat",
                new SocketTimeoutException("Read timed out"), REDACTOR);
        TransportException broken = HttpErrorMapper.forIo("POST /api/chat", "https://t3.chat",
                new IOException("Connection reset"), REDACTOR);

        assertThat(refused).hasMessageContaining("Could not connect to http://127.0.0.1:1")
                .hasMessageContaining("Check your network connection").hasCauseInstanceOf(ConnectException.class);
        assertThat(timeout).hasMessageContaining("timed out").hasMessageContaining("HttpConfig firstByteTimeout");
        assertThat(timeout.remedy()).contains(io.github.t3chat4j.application.error.Remedy.FIRST_BYTE_TIMEOUT);
        assertThat(broken).hasMessageContaining("connection broke");
    }
}
