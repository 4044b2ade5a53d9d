package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * How a run reaches t3.chat: the transport ({@code java} or {@code curl}; empty for the default), the
 * {@code curl} program to run, an explicit proxy URL (empty: the {@code HTTPS_PROXY} family of
 * variables, then the JVM's settings), and the deadlines and size limit of its requests. A proxy URL may hold a password: {@link #toString()} hides it.
 */
public record NetworkSettings(String transport, String curl, String proxy, Deadlines deadlines) {

    public NetworkSettings {
        requireNonNull(transport, "transport == null");
        requireNonNull(curl, "curl == null");
        requireNonNull(proxy, "proxy == null");
        requireNonNull(deadlines, "deadlines == null");
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
                + withoutCredentials(proxy) + ", " + deadlines + "]";
    }
}
