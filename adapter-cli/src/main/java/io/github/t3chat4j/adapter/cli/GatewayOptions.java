package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What {@code t3 serve} asks its services to start: where to listen, the key clients must present, the
 * web origins allowed to call it, the names it answers to besides this machine's loopback names, how
 * long replies in flight may finish at Ctrl-C, and the user's rules for the model ids of Anthropic clients
 * (from an id, a prefix ending in {@code *} or {@code *}, to a t3.chat model id).
 * {@link #toString()} never shows the key.
 */
public record GatewayOptions(String host, int port, String apiKey, List<String> corsOrigins,
        List<String> allowedHosts, int graceSeconds, Map<String, String> anthropicModels) {

    public GatewayOptions {
        requireNonNull(host, "host == null");
        requireNonNull(apiKey, "apiKey == null");
        corsOrigins = List.copyOf(requireNonNull(corsOrigins, "corsOrigins == null"));
        allowedHosts = List.copyOf(requireNonNull(allowedHosts, "allowedHosts == null"));
        anthropicModels = Map.copyOf(requireNonNull(anthropicModels, "anthropicModels == null"));
    }

    @Override
    public String toString() {
        return "GatewayOptions[" + host + ":" + port + ", key redacted, cors=" + corsOrigins + ", hosts=" + allowedHosts
                + "]";
    }
}
