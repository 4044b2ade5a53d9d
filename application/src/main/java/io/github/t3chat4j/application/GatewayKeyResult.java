package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

/**
 * The gateway's key, whether it was made just now, and where it is kept. {@link #toString()} never
 * shows the key.
 */
public record GatewayKeyResult(String key, boolean created, String location) {

    public GatewayKeyResult {
        requireNonNull(key, "key == null");
        requireNonNull(location, "location == null");
    }

    @Override
    public String toString() {
        return "GatewayKeyResult[key redacted, " + (created ? "created" : "stored") + " in " + location + "]";
    }
}
