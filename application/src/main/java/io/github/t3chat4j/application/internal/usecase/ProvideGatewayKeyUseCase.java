package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.application.GatewayKeyResult;
/**
 * The key clients of the OpenAI-compatible gateway must present: the one stored in the settings
 * (under {@code T3_GATEWAY_KEY}), or, on first use, a new random one (32 bytes from a
 * {@link java.security.SecureRandom}, URL-safe base64) that is stored there first, owner-only.
 */
public interface ProvideGatewayKeyUseCase {

    /**
     * @throws io.github.t3chat4j.application.error.StorageException naming the file when it cannot be
     *     read or written
     */
    GatewayKeyResult provideGatewayKey();
}
