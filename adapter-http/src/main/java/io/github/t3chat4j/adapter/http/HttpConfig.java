package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of the HTTP adapter.
 *
 * @param baseUrl where t3.chat is ({@code https://t3.chat}; a loopback URL in tests and the demo)
 * @param userAgent the User-Agent to send; browser-like by default, because the site may reject others
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long a reply stream may stay silent before it counts as broken
 * @param maxRetries how often a 429/5xx before the first byte of a reply is retried
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
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("The base URL must be an http(s) URL such as https://t3.chat, got '"
                    + baseUrl + "'.");
        }
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries cannot be negative.");
        }
        if (maxImageBytes <= 0) {
            throw new IllegalArgumentException("maxImageBytes must be positive.");
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
}
