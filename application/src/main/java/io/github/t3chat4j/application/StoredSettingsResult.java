package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The stored settings, where they are kept, and warnings about them (a file others can read, say).
 * {@link #toString()} names the keys only: values may be secrets.
 */
public record StoredSettingsResult(Map<String, String> values, String location, List<String> warnings) {

    public StoredSettingsResult {
        values = Map.copyOf(requireNonNull(values, "values == null"));
        requireNonNull(location, "location == null");
        warnings = List.copyOf(requireNonNull(warnings, "warnings == null"));
    }

    @Override
    public String toString() {
        return "StoredSettingsResult[" + location + ", keys=" + values.keySet().stream().sorted().toList() + "]";
    }
}
