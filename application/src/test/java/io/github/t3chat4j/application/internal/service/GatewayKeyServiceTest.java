package io.github.t3chat4j.application.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.GatewayKeyResult;
import io.github.t3chat4j.application.port.out.SettingsStorePort;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayKeyServiceTest {

    private final Map<String, String> stored = new HashMap<>();
    private int writes;
    private final SettingsStorePort store = new SettingsStorePort() {
        @Override
        public Map<String, String> loadSettings() {
            return Map.copyOf(stored);
        }

        @Override
        public void updateSettings(Map<String, Optional<String>> changes) {
            writes++;
            changes.forEach((key, value) -> value.ifPresentOrElse(v -> stored.put(key, v), () -> stored.remove(key)));
        }

        @Override
        public String location() {
            return "/home/me/.config/t3chat4j/config.properties";
        }
    };
    private final GatewayKeyService service = new GatewayKeyService(store, new SecureRandom());

    @Test
    void makesAndStoresA32ByteUrlSafeKey_onFirstUse() {
        GatewayKeyResult result = service.provideGatewayKey();

        assertThat(result.created()).isTrue();
        assertThat(result.key()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(result.key())).hasSize(32);
        assertThat(stored).containsEntry("T3_GATEWAY_KEY", result.key());
        assertThat(result.location()).isEqualTo(store.location());
    }

    @Test
    void returnsTheStoredKey_andWritesNothing_later() {
        String first = service.provideGatewayKey().key();

        GatewayKeyResult second = service.provideGatewayKey();

        assertThat(second.key()).isEqualTo(first);
        assertThat(second.created()).isFalse();
        assertThat(writes).isEqualTo(1);
    }

    @Test
    void makesDifferentKeys_forDifferentStores() {
        String one = service.provideGatewayKey().key();
        stored.clear();

        String two = service.provideGatewayKey().key();

        assertThat(two).isNotEqualTo(one);
    }

    @Test
    void neverShowsTheKey_inToString() {
        GatewayKeyResult result = service.provideGatewayKey();

        assertThat(result.toString()).doesNotContain(result.key()).contains("redacted");
    }
}
