package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Settings of the HTTP adapters. A value that cannot work (a base URL that is not {@code http(s)}, a
 * timeout that is not positive) is refused with an {@link InvalidInputException}; a missing one with a
 * {@link NullPointerException}.
 *
 * @param baseUrl where t3.chat is ({@code https://t3.chat}; a loopback URL in tests and the demo)
 * @param userAgent the User-Agent to send; browser-like by default, because the site may reject others
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long a reply stream may stay silent before it counts as broken
 * @param maxRetries how often a 429/502/503/504 or an unsent request is retried before a reply begins
 * @param maxBackoff the longest wait between retries, whatever {@code Retry-After} says
 * @param maxImageBytes the largest image download accepted
 */
public record HttpConfig(
        URI baseUrl,
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration maxBackoff,
        long maxImageBytes) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://t3.chat");
    public static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

    public HttpConfig {
        requireNonNull(baseUrl, "baseUrl == null");
        requireNonNull(userAgent, "userAgent == null");
        requireNonNull(connectTimeout, "connectTimeout == null");
        requireNonNull(readTimeout, "readTimeout == null");
        requireNonNull(maxBackoff, "maxBackoff == null");
        baseUrl = checkedBaseUrl(baseUrl);
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < ' ' || c == 127)) {
            throw new InvalidInputException("The User-Agent must be one line of text.");
        }
        positive(connectTimeout, "connect timeout");
        positive(readTimeout, "read timeout");
        if (maxBackoff.isNegative()) {
            throw new InvalidInputException("The longest wait between retries cannot be negative.");
        }
        if (maxRetries < 0) {
            throw new InvalidInputException("The number of retries cannot be negative.");
        }
        if (maxImageBytes <= 0) {
            throw new InvalidInputException("The image size limit must be positive.");
        }
    }

    /** Defaults against {@code baseUrl}: 10 s to connect, 120 s of silence, 2 retries, at most 30 s apart, 64 MiB images. */
    public static HttpConfig defaults(URI baseUrl) {
        return new HttpConfig(baseUrl, DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(120), 2,
                Duration.ofSeconds(30), 64L * 1024 * 1024);
    }

    /** Defaults against {@code https://t3.chat}. */
    public static HttpConfig defaults() {
        return defaults(DEFAULT_BASE_URL);
    }

    public HttpConfig withUserAgent(String value) {
        return new HttpConfig(baseUrl, value, connectTimeout, readTimeout, maxRetries, maxBackoff, maxImageBytes);
    }

    public HttpConfig withMaxRetries(int value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, readTimeout, value, maxBackoff, maxImageBytes);
    }

    public HttpConfig withReadTimeout(Duration value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, value, maxRetries, maxBackoff, maxImageBytes);
    }

    public HttpConfig withMaxImageBytes(long value) {
        return new HttpConfig(baseUrl, userAgent, connectTimeout, readTimeout, maxRetries, maxBackoff, value);
    }

    /** The base URL without a trailing slash, or an exception naming what is wrong (never the whole URL). */
    private static URI checkedBaseUrl(URI baseUrl) {
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new InvalidInputException("The base URL must be an http(s) URL with a host, such as"
                    + " https://t3.chat.");
        }
        if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new InvalidInputException("The base URL must not hold a user name, a query or a fragment;"
                    + " use one such as https://t3.chat.");
        }
        String text = baseUrl.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUrl;
    }

    private static void positive(Duration value, String what) {
        if (value.isNegative() || value.isZero()) {
            throw new InvalidInputException("The " + what + " must be positive.");
        }
    }
}
