package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpConfigTest {

    @ParameterizedTest
    @ValueSource(strings = {"ftp://t3.chat", "t3.chat", "/relative", "file:///etc/passwd", "https:opaque",
            "https://t3.chat/?q=1", "https://t3.chat/#top", "https://user:secret-pass@t3.chat"})
    void refusesABaseUrl_thatIsNotAPlainHttpUrl(String url) {
        assertThatThrownBy(() -> HttpConfig.defaults(URI.create(url)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("base URL")
                .hasMessageNotContaining("secret-pass");
    }

    @Test
    void dropsATrailingSlash_fromTheBaseUrl() {
        assertThat(HttpConfig.defaults(URI.create("http://127.0.0.1:8080/")).baseUrl())
                .isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        HttpConfig config = HttpConfig.defaults();

        assertThatThrownBy(() -> config.withMaxRetries(-1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> config.withFirstByteTimeout(Duration.ZERO)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> config.withMaxImageBytes(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> config.withUserAgent("agent\r\nCookie: x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> config.withUserAgent(" ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesAMissingValue_asAProgrammingError() {
        assertThatThrownBy(() -> HttpConfig.defaults(null)).isInstanceOf(NullPointerException.class);
    }
}
