package io.github.t3chat4j.adapter.browser.internal.common;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One cookie as a browser stored it for t3.chat, its value already decrypted. {@code expires} is empty
 * for a session cookie. {@link #toString()} leaves the value out.
 */
public record BrowserCookie(String host, String name, String value, String path, Optional<Instant> expires) {

    public BrowserCookie {
        requireNonNull(host, "host == null");
        requireNonNull(name, "name == null");
        requireNonNull(value, "value == null");
        requireNonNull(path, "path == null");
        requireNonNull(expires, "expires == null");
    }

    @Override
    public String toString() {
        return "BrowserCookie[" + host + " " + name + ", value redacted]";
    }
}
