package io.github.t3chat4j.application.port.in;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The stored settings and where they are kept. {@link #toString()} names the keys only: values may be
 * secrets.
 */
public record StoredSettingsResult(Map<String, String> values, String location) {

    public StoredSettingsResult {
        values = Map.copyOf(requireNonNull(values, "values == null"));
        requireNonNull(location, "location == null");
    }

    @Override
    public String toString() {
        return "StoredSettingsResult[" + location + ", keys=" + values.keySet().stream().sorted().toList() + "]";
    }
}
