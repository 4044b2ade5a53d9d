package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.LoadSettingsUseCase;
import io.github.t3chat4j.application.port.in.StoredSettingsResult;
import io.github.t3chat4j.application.port.in.UpdateSettingsCommand;
import io.github.t3chat4j.application.port.in.UpdateSettingsUseCase;
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
