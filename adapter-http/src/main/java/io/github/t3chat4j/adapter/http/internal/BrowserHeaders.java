package io.github.t3chat4j.adapter.http.internal;

import java.net.URI;
import java.util.Locale;

/**
 * The browser-like headers of PROTOCOL.md sections 3 and 8. Origin and Referer are built from the
 * configured base URL rather than the fixed {@code https://t3.chat}: with the default base URL they are
 * exactly what the protocol lists, and against a proxy or a loopback server they stay same-origin with
 * the host actually addressed.
 */
final class BrowserHeaders {

    static final String DEFAULT_ACCEPT_LANGUAGE = "en-US,en;q=0.9";

    private BrowserHeaders() {
    }

    /** {@code scheme://host[:port]} of the base URL. */
    static String origin(URI baseUrl) {
        return baseUrl.getScheme() + "://" + baseUrl.getRawAuthority();
    }

    /** {@code en-US,en;q=0.9} for {@code en-US}; the tag alone when it has no region. */
    static String acceptLanguage(String locale) {
        String tag = locale.strip();
        int dash = tag.indexOf('-');
        if (tag.isEmpty()) {
            return DEFAULT_ACCEPT_LANGUAGE;
        }
        return dash > 0 ? tag + "," + tag.substring(0, dash).toLowerCase(Locale.ROOT) + ";q=0.9" : tag;
    }

    /** The fetch metadata of a same-origin call from the web app ({@code destination} "empty" for an API). */
    static HttpCall.Builder sameOriginFetch(HttpCall.Builder call, String destination) {
        return call.header("sec-fetch-dest", destination)
                .header("sec-fetch-mode", "cors")
                .header("sec-fetch-site", "same-origin");
    }

    /** The fetch metadata of a top-level page load. */
    static HttpCall.Builder navigation(HttpCall.Builder call) {
        return call.header("sec-fetch-dest", "document")
                .header("sec-fetch-mode", "navigate")
                .header("sec-fetch-site", "none");
    }
}
