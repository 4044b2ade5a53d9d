package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@code t3 serve} asks its services to start: where to listen, the key clients must present, the
 * web origins allowed to call it, the names it answers to besides this machine's loopback names, and how
 * long replies in flight may finish at Ctrl-C.
 * {@link #toString()} never shows the key.
 */
public record GatewayOptions(String host, int port, String apiKey, List<String> corsOrigins,
        List<String> allowedHosts, int graceSeconds) {

    public GatewayOptions {
        requireNonNull(host, "host == null");
        requireNonNull(apiKey, "apiKey == null");
        corsOrigins = List.copyOf(requireNonNull(corsOrigins, "corsOrigins == null"));
        allowedHosts = List.copyOf(requireNonNull(allowedHosts, "allowedHosts == null"));
    }

    @Override
    public String toString() {
        return "GatewayOptions[" + host + ":" + port + ", key redacted, cors=" + corsOrigins + ", hosts=" + allowedHosts
                + "]";
    }
}
