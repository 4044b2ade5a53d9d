package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import java.net.URI;

/**
 * What the CLI asks the composition root for: where t3.chat is, the credentials (empty in demo mode,
 * where the root supplies placeholders), and the model and settings of the conversation.
 * {@link #toString()} is redacted.
 */
public record ConnectionSettings(
        URI baseUrl, boolean demo, String cookies, String convexSessionId, String userAgent, ModelId model,
        ChatSettings settings) {

    public ConnectionSettings {
        requireNonNull(baseUrl, "baseUrl == null");
        requireNonNull(cookies, "cookies == null");
        requireNonNull(convexSessionId, "convexSessionId == null");
        requireNonNull(userAgent, "userAgent == null");
        requireNonNull(model, "model == null");
        requireNonNull(settings, "settings == null");
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + baseUrl + (demo ? ", demo" : "") + ", credentials redacted, model=" + model
                + "]";
    }
}
