package io.github.t3chat4j.adapter.openai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The gateway's key, checked in constant time: both sides are hashed (SHA-256) and the digests compared
 * with {@link MessageDigest#isEqual}, so neither the content nor the length of the key leaks through
 * timing. {@link #toString()} never shows it.
 */
final class BearerKey {

    private static final String PREFIX = "Bearer ";

    private final byte[] digest;

    BearerKey(String key) {
        this.digest = sha256(key);
    }

    /** Whether an {@code Authorization} header value is {@code Bearer <the key>}. */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(PREFIX.length()).strip()));
    }

    /** Whether an {@code x-api-key} header value (as Anthropic clients send the key) is the key. */
    boolean acceptsApiKey(String apiKey) {
        return apiKey != null && MessageDigest.isEqual(digest, sha256(apiKey.strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BearerKey[redacted]";
    }
}
