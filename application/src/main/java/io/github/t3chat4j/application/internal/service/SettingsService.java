package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.internal.usecase.LoadSettingsUseCase;
import io.github.t3chat4j.application.StoredSettingsResult;
import io.github.t3chat4j.application.internal.usecase.UpdateSettingsCommand;
import io.github.t3chat4j.application.internal.usecase.UpdateSettingsUseCase;
import io.github.t3chat4j.application.port.out.SettingsStorePort;

/** Reads and changes the stored settings through {@link SettingsStorePort}. */
public final class SettingsService implements LoadSettingsUseCase, UpdateSettingsUseCase {

    private final SettingsStorePort store;

    public SettingsService(SettingsStorePort store) {
        this.store = requireNonNull(store, "store == null");
    }

    @Override
    public StoredSettingsResult loadSettings() {
        return new StoredSettingsResult(store.loadSettings(), store.location(), store.warnings());
    }

    @Override
    public StoredSettingsResult updateSettings(UpdateSettingsCommand command) {
        requireNonNull(command, "command == null");
        store.updateSettings(command.changes());
        return loadSettings();
    }
}
