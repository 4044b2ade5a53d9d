package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * How a run reaches t3.chat: the transport ({@code java}, {@code curl} or {@code browser}; empty for the
 * default, which falls back past t3.chat's checkpoint), the {@code curl} program to run, an explicit proxy
 * URL (empty: the {@code HTTPS_PROXY} family of variables, then the JVM's settings), the deadlines and
 * size limit of its requests, the browser of the browser transport (empty: the first installed), the
 * transport that got through last time for this site (from the config file only; empty for none), and
 * the {@code x-client-context} to send (empty: the site's own; {@code none}: none). A proxy URL may hold a
 * password: {@link #toString()} hides it.
 */
public record NetworkSettings(String transport, String curl, String proxy, Deadlines deadlines, String browser,
        String remembered, String clientContext) {

    public NetworkSettings {
        requireNonNull(transport, "transport == null");
        requireNonNull(curl, "curl == null");
        requireNonNull(proxy, "proxy == null");
        requireNonNull(deadlines, "deadlines == null");
        requireNonNull(browser, "browser == null");
        requireNonNull(remembered, "remembered == null");
        requireNonNull(clientContext, "clientContext == null");
    }

    /** Whether the transport was chosen ({@code --transport}, {@code T3_TRANSPORT}): then it is the only one tried. */
    public boolean pinned() {
        return !transport.isBlank();
    }

    /** {@code url} without its user and password, for display. */
    static String withoutCredentials(String url) {
        try {
            URI uri = URI.create(url.contains("://") ? url.strip() : "http://" + url.strip());
            if (uri.getRawUserInfo() == null) {
                return url;
            }
            return uri.getScheme() + "://[credentials hidden]@" + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException notAUrl) {
            return url.contains("@") ? "[hidden]" : url;
        }
    }

    @Override
    public String toString() {
        return "NetworkSettings[transport=" + transport + ", curl=" + curl + ", proxy="
                + withoutCredentials(proxy) + ", " + deadlines + ", browser=" + browser + ", remembered=" + remembered
                + "]";
    }
}
