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

    // The order Chromium 156 sends each kind of request's header fields in, as measured on loopback (its
    // fetch() orders the page's own fields by a hash of the whole set, so each kind has its own list).
    // Fields no engine of ours sends (Accept-Encoding) are listed for the place of those around them.

    /** A page load. */
    static final java.util.List<String> NAVIGATION_ORDER = java.util.List.of("sec-ch-ua", "sec-ch-ua-mobile",
            "sec-ch-ua-platform", "upgrade-insecure-requests", "user-agent", "accept", "sec-fetch-site",
            "sec-fetch-mode", "sec-fetch-user", "sec-fetch-dest", "accept-encoding", "accept-language", "cookie",
            "priority");
    /** A script the page loads. */
    static final java.util.List<String> SUBRESOURCE_ORDER = java.util.List.of("sec-ch-ua-platform", "user-agent",
            "sec-ch-ua", "sec-ch-ua-mobile", "accept", "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest", "referer",
            "accept-encoding", "accept-language", "cookie", "priority");
    /** The app's {@code POST /api/chat}. */
    static final java.util.List<String> CHAT_ORDER = java.util.List.of("sec-ch-ua-platform", "x-client-context", "accept-language", "sec-ch-ua", "sec-ch-ua-mobile", "traceparent",
            "user-agent", "accept", "content-type", "x-deployment-id", "b3", "origin", "sec-fetch-site",
            "sec-fetch-mode", "sec-fetch-dest", "referer", "accept-encoding", "cookie", "priority");
    /** The app's tRPC query asking for the JSON-lines answer. */
    static final java.util.List<String> TRPC_STREAMED_ORDER = java.util.List.of("sec-ch-ua-platform",
            "x-client-context", "accept-language", "sec-ch-ua", "x-trpc-batch", "sec-ch-ua-mobile", "traceparent",
            "user-agent", "accept", "trpc-accept", "content-type", "x-deployment-id", "x-trpc-source", "b3",
            "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest", "referer", "accept-encoding", "cookie", "priority");
    /** The app's plain tRPC query. */
    static final java.util.List<String> TRPC_ORDER = java.util.List.of("sec-ch-ua-platform", "x-client-context",
            "accept-language", "sec-ch-ua", "sec-ch-ua-mobile", "traceparent", "user-agent", "accept", "x-trpc-source",
            "content-type", "x-deployment-id", "b3", "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest", "referer",
            "accept-encoding", "cookie", "priority");
    private static final java.util.regex.Pattern CHROME = java.util.regex.Pattern.compile("Chrome/(\\d+)\\.");

    private BrowserHeaders() {
    }

    /**
     * The client hints a desktop Chrome sends with every request ({@code sec-ch-ua},
     * {@code sec-ch-ua-mobile}, {@code sec-ch-ua-platform}), for the Chrome version in {@code userAgent};
     * none for a User-Agent that is not Chrome's (Firefox and Safari send none).
     */
    static java.util.List<io.github.t3chat4j.adapter.http.internal.engine.Header> clientHints(String userAgent) {
        java.util.regex.Matcher chrome = CHROME.matcher(userAgent);
        if (!chrome.find() || userAgent.contains("Edg/") || userAgent.contains("OPR/")) {
            return java.util.List.of();
        }
        String version = chrome.group(1);
        String platform = userAgent.contains("Windows") ? "Windows" : userAgent.contains("Mac OS") ? "macOS"
                : userAgent.contains("Android") ? "Android" : "Linux";
        return java.util.List.of(
                new io.github.t3chat4j.adapter.http.internal.engine.Header("sec-ch-ua", "\"Chromium\";v=\"" + version + "\", \"Google Chrome\";v=\"" + version
                        + "\", \"Not_A Brand\";v=\"99\""),
                new io.github.t3chat4j.adapter.http.internal.engine.Header("sec-ch-ua-mobile", userAgent.contains("Mobile") ? "?1" : "?0"),
                new io.github.t3chat4j.adapter.http.internal.engine.Header("sec-ch-ua-platform", "\"" + platform + "\""));
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
                .header("sec-fetch-site", "same-origin")
                .header("priority", "u=1, i");
    }

    /** The fetch metadata of a top-level page load. */
    static HttpCall.Builder navigation(HttpCall.Builder call) {
        return call.header("sec-fetch-dest", "document")
                .header("sec-fetch-mode", "navigate")
                .header("sec-fetch-site", "none")
                .header("sec-fetch-user", "?1")
                .header("upgrade-insecure-requests", "1")
                .header("priority", "u=0, i");
    }
}
