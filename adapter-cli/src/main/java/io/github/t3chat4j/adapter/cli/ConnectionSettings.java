package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import java.net.URI;

/**
 * What the CLI asks its services to connect with: where t3.chat is, the credentials (empty in the demo,
 * where the services supply placeholders, and for a {@code t3 doctor} or {@code t3 models} without any,
 * then {@link #signedIn()} is false), whether a rotated
 * session cookie is written back to the config file (only when the credentials came from there), the
 * model and settings of the conversation, how requests travel ({@link NetworkSettings}), and whether a
 * send refused for want of the user's own provider key is sent once more at low effort.
 * Only the {@link TrustBoundary} makes one (an ArchUnit rule holds that), so no connection is made with
 * settings it did not judge. {@link #toString()} is redacted.
 */
public final class ConnectionSettings {

    private final URI baseUrl;
    private final String cookies;
    private final String convexSessionId;
    private final boolean keepRotatedSession;
    private final String userAgent;
    private final ModelId model;
    private final ChatSettings settings;
    private final NetworkSettings network;
    private final boolean lowerEffortWhenKeyRequired;
    private final boolean signedIn;

    ConnectionSettings(URI baseUrl, String cookies, String convexSessionId, boolean keepRotatedSession,
            String userAgent, ModelId model, ChatSettings settings, NetworkSettings network,
            boolean lowerEffortWhenKeyRequired, boolean signedIn) {
        this.lowerEffortWhenKeyRequired = lowerEffortWhenKeyRequired;
        this.signedIn = signedIn;
        this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
        this.cookies = requireNonNull(cookies, "cookies == null");
        this.convexSessionId = requireNonNull(convexSessionId, "convexSessionId == null");
        this.keepRotatedSession = keepRotatedSession;
        this.userAgent = requireNonNull(userAgent, "userAgent == null");
        this.model = requireNonNull(model, "model == null");
        this.settings = requireNonNull(settings, "settings == null");
        this.network = requireNonNull(network, "network == null");
    }

    /** Where t3.chat is. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The cookie string to send; empty in the demo and when there are none. */
    public String cookies() {
        return cookies;
    }

    /** The convex session id, from the same source as the cookies; may be empty. */
    public String convexSessionId() {
        return convexSessionId;
    }

    /** Whether a rotated session cookie is written back to the config file it came from. */
    public boolean keepRotatedSession() {
        return keepRotatedSession;
    }

    /** The User-Agent to send; empty for the default. */
    public String userAgent() {
        return userAgent;
    }

    public ModelId model() {
        return model;
    }

    public ChatSettings settings() {
        return settings;
    }

    public NetworkSettings network() {
        return network;
    }

    /** Whether a send refused for want of the user's own provider key is sent once more at low effort. */
    public boolean lowerEffortWhenKeyRequired() {
        return lowerEffortWhenKeyRequired;
    }

    /**
     * Whether the connection has credentials (the demo's placeholders count); without, it reads only what
     * t3.chat shows everyone and sends no cookie ({@link TrustBoundary#connectionSignedInOrNot}, {@code t3 doctor}).
     */
    public boolean signedIn() {
        return signedIn;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + baseUrl + ", credentials redacted, model=" + model + ", " + network + "]";
    }
}
