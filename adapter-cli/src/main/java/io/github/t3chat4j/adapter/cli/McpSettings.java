package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/** What {@code t3 mcp} asks its services for besides the connection: the version it reports, where images go. */
public record McpSettings(String version, Optional<Path> imageFolder) {

    public McpSettings {
        requireNonNull(version, "version == null");
        requireNonNull(imageFolder, "imageFolder == null");
    }
}
