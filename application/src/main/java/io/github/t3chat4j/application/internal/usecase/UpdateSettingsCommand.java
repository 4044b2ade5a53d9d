package io.github.t3chat4j.application.internal.usecase;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * Set each key to its value, or remove it when the value is empty; other stored keys stay.
 * {@link #toString()} names the keys only: values may be secrets.
 */
public record UpdateSettingsCommand(Map<String, Optional<String>> changes) {

    public UpdateSettingsCommand {
        changes = Map.copyOf(requireNonNull(changes, "changes == null"));
    }

    @Override
    public String toString() {
        return "UpdateSettingsCommand[keys=" + changes.keySet().stream().sorted().toList() + "]";
    }
}
