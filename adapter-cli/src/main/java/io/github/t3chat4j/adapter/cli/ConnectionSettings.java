package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import java.net.URI;

/**
 * What the CLI asks its backend to connect with: where t3.chat is, the credentials (empty in the demo,
 * where the backend supplies placeholders), whether a rotated session cookie is written back to the
 * config file (only when the credentials came from there), and the model and settings of the
 * conversation, how requests travel ({@link NetworkSettings}), and whether a send refused for want of the
 * user's own provider key is sent once more at low effort. {@link #toString()} is redacted.
 */
public record ConnectionSettings(
        URI baseUrl, String cookies, String convexSessionId, boolean keepRotatedSession, String userAgent,
        ModelId model, ChatSettings settings, NetworkSettings network, boolean lowerEffortWhenKeyRequired) {

    /** Never lowering the effort by itself. */
    public ConnectionSettings(URI baseUrl, String cookies, String convexSessionId, boolean keepRotatedSession,
            String userAgent, ModelId model, ChatSettings settings, NetworkSettings network) {
        this(baseUrl, cookies, convexSessionId, keepRotatedSession, userAgent, model, settings, network, false);
    }

    /** With the default network settings. */
    public ConnectionSettings(URI baseUrl, String cookies, String convexSessionId, boolean keepRotatedSession,
            String userAgent, ModelId model, ChatSettings settings) {
        this(baseUrl, cookies, convexSessionId, keepRotatedSession, userAgent, model, settings,
                NetworkSettings.DEFAULTS);
    }

    public ConnectionSettings {
        requireNonNull(network, "network == null");
        requireNonNull(baseUrl, "baseUrl == null");
        requireNonNull(cookies, "cookies == null");
        requireNonNull(convexSessionId, "convexSessionId == null");
        requireNonNull(userAgent, "userAgent == null");
        requireNonNull(model, "model == null");
        requireNonNull(settings, "settings == null");
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + baseUrl + ", credentials redacted, model=" + model + "]";
    }
}
