package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * t3.chat's edge turning a client away before the app sees the request (PROTOCOL.md section 9): Vercel's
 * Security Checkpoint ({@code x-vercel-mitigated: challenge}, usually with HTTP 429), a Cloudflare-style
 * challenge ({@code cf-mitigated: challenge}), or their challenge page, on any status. Not a rate limit:
 * waiting and retrying do not help, another client fingerprint may.
 *
 * @param status the HTTP status of the answer
 * @param sign what gave it away, for messages: a header and its value, or the page
 */
public record Checkpoint(int status, String sign) {

    static final String VERCEL_PAGE_TITLE = "vercel security checkpoint";
    private static final String CHALLENGE_PAGE_TITLE = "<title>just a moment...</title>";

    public Checkpoint {
        requireNonNull(sign, "sign == null");
    }

    /** The checkpoint the head of an answer shows by its headers alone. */
    public static Optional<Checkpoint> inHead(int status, List<Header> headers) {
        if (status >= 200 && status <= 299) {
            return Optional.empty();
        }
        for (String marker : List.of("x-vercel-mitigated", "cf-mitigated")) {
            Optional<String> value = headers.stream().filter(h -> h.is(marker)).map(Header::value).findFirst();
            if (value.isPresent() && value.get().toLowerCase(Locale.ROOT).contains("challenge")) {
                return Optional.of(new Checkpoint(status, marker + ": " + value.get().strip()));
            }
        }
        return Optional.empty();
    }

    /**
     * The checkpoint an answer shows by its headers, by its page ({@code bodyStart}: the first few
     * kilobytes), or as a 403 with an HTML page (a challenge, as opposed to a refused session's JSON).
     */
    public static Optional<Checkpoint> in(int status, List<Header> headers, String bodyStart) {
        Optional<Checkpoint> byHeader = inHead(status, headers);
        if (byHeader.isPresent() || (status >= 200 && status <= 299)) {
            return byHeader;
        }
        String page = bodyStart.toLowerCase(Locale.ROOT);
        if (page.contains(VERCEL_PAGE_TITLE)) {
            return Optional.of(new Checkpoint(status, "the Vercel Security Checkpoint page"));
        }
        if (page.contains(CHALLENGE_PAGE_TITLE)) {
            return Optional.of(new Checkpoint(status, "a \"Just a moment...\" challenge page"));
        }
        String contentType = headers.stream().filter(h -> h.is("Content-Type")).map(Header::value).findFirst()
                .orElse("");
        if (status == 403 && isHtml(contentType, bodyStart)) {
            return Optional.of(new Checkpoint(status, "a challenge page"));
        }
        return Optional.empty();
    }

    /** Whether a page's title is a checkpoint's, as a browser shows it while the challenge runs. */
    public static boolean isCheckpointTitle(String title) {
        String text = title.strip().toLowerCase(Locale.ROOT);
        return text.contains(VERCEL_PAGE_TITLE) || text.equals("just a moment...");
    }

    /** Whether a body may be worth reading for the page's signs: an error answer that is (or may be) HTML. */
    static boolean mayBePage(int status, List<Header> headers) {
        if (status >= 200 && status <= 299) {
            return false;
        }
        String contentType = headers.stream().filter(h -> h.is("Content-Type")).map(Header::value).findFirst()
                .orElse("");
        return contentType.isEmpty() || contentType.toLowerCase(Locale.ROOT).contains("html");
    }

    static boolean isHtml(String contentType, String body) {
        if (contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        String start = body.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }
}
