package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.application.StoredSettingsResult;
/**
 * Reads the stored settings (the config file).
 */
public interface LoadSettingsUseCase {

    /**
     * @throws io.github.t3chat4j.application.error.StorageException naming the file when it cannot be read
     */
    StoredSettingsResult loadSettings();
}
