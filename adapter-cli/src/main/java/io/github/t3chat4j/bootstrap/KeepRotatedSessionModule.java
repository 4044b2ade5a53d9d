package io.github.t3chat4j.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.t3chat4j.adapter.storage.StorageAdapters;
import io.github.t3chat4j.application.port.out.SaveSessionPort;

/**
 * Writes a rotated session cookie back to the config file; installed only when the credentials came
 * from there ({@code t3 login}), so credentials from flags, the environment or {@code .env} are never
 * copied into it.
 */
final class KeepRotatedSessionModule extends AbstractModule {

    @Provides
    SaveSessionPort sessionStore(StorageAdapters storage) {
        return storage.sessionWriteBack();
    }
}
