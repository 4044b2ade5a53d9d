package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.GatewayKeyResult;
import io.github.t3chat4j.application.internal.usecase.ProvideGatewayKeyUseCase;
import io.github.t3chat4j.application.port.out.SettingsStorePort;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Reads the stored gateway key, or makes one and stores it through {@link SettingsStorePort}. */
public final class GatewayKeyService implements ProvideGatewayKeyUseCase {

    /** How many random bytes a new key holds. */
    static final int KEY_BYTES = 32;

    private final SettingsStorePort store;
    private final SecureRandom random;

    public GatewayKeyService(SettingsStorePort store, SecureRandom random) {
        this.store = requireNonNull(store, "store == null");
        this.random = requireNonNull(random, "random == null");
    }

    @Override
    public synchronized GatewayKeyResult provideGatewayKey() {
        String stored = store.loadSettings().get(SettingsStorePort.GATEWAY_KEY);
        if (stored != null && !stored.isBlank()) {
            return new GatewayKeyResult(stored.strip(), false, store.location());
        }
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.updateSettings(Map.of(SettingsStorePort.GATEWAY_KEY, Optional.of(key)));
        return new GatewayKeyResult(key, true, store.location());
    }
}
