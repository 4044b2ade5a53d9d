package io.github.t3chat4j.adapter.http.internal;

import io.github.t3chat4j.adapter.http.HttpConfig;
import java.net.URI;
import java.util.Locale;
import org.apache.hc.core5.http.HttpRequest;

/**
 * The browser-like headers of PROTOCOL.md sections 3 and 8. Origin and Referer are built from the
 * configured base URL rather than the fixed {@code https://t3.chat}: with the default base URL they are
 * exactly what the protocol lists, and against a proxy or a loopback server they stay same-origin with
 * the host actually addressed.
 */
public final class BrowserHeaders {

    public static final String DEFAULT_ACCEPT_LANGUAGE = "en-US,en;q=0.9";

    private BrowserHeaders() {
    }

    /** {@code scheme://host[:port]} of the base URL. */
    public static String origin(URI baseUrl) {
        return baseUrl.getScheme() + "://" + baseUrl.getRawAuthority();
    }

    /** {@code en-US,en;q=0.9} for {@code en-US}; the tag alone when it has no region. */
    public static String acceptLanguage(String locale) {
        String tag = locale.strip();
        int dash = tag.indexOf('-');
        if (tag.isEmpty()) {
            return DEFAULT_ACCEPT_LANGUAGE;
        }
        return dash > 0 ? tag + "," + tag.substring(0, dash).toLowerCase(Locale.ROOT) + ";q=0.9" : tag;
    }

    /** User-Agent and Accept-Language, which every request to t3.chat carries. */
    public static void common(HttpRequest request, HttpConfig config, String locale) {
        request.setHeader("User-Agent", config.userAgent());
        request.setHeader("Accept-Language", acceptLanguage(locale));
    }

    /** The fetch metadata of a same-origin API call from the web app. */
    public static void sameOriginFetch(HttpRequest request) {
        request.setHeader("sec-fetch-dest", "empty");
        request.setHeader("sec-fetch-mode", "cors");
        request.setHeader("sec-fetch-site", "same-origin");
    }

    /** The fetch metadata of a top-level page load. */
    public static void navigation(HttpRequest request) {
        request.setHeader("sec-fetch-dest", "document");
        request.setHeader("sec-fetch-mode", "navigate");
        request.setHeader("sec-fetch-site", "none");
    }
}
