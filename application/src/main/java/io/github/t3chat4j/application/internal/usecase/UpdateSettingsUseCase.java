package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.application.StoredSettingsResult;
/**
 * Changes the stored settings (the config file), atomically and readable by its owner only; returns
 * where they are kept.
 */
public interface UpdateSettingsUseCase {

    /**
     * @throws io.github.t3chat4j.application.error.StorageException naming the file and the cause
     */
    StoredSettingsResult updateSettings(UpdateSettingsCommand command);
}
