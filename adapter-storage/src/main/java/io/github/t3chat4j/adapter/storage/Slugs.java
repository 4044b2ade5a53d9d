package io.github.t3chat4j.adapter.storage;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns a free-text hint (a prompt, a URL) into a file-name stem that is safe on every file system:
 * lower-case ASCII letters, digits and single dashes only, so no separator, {@code ..} or control
 * character can survive.
 */
final class Slugs {

    static final String FALLBACK = "image";
    private static final int MAX_HINT = 500;
    private static final int MAX_SLUG = 48;

    private Slugs() {
    }

    static String slug(String hint) {
        String text = hint.length() > MAX_HINT ? hint.substring(0, MAX_HINT) : hint;
        text = lastUrlSegment(text.strip());
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /** For a URL, the last path segment without its query or extension ({@code .../cat.png?x=1} gives {@code cat}). */
    private static String lastUrlSegment(String text) {
        int scheme = text.indexOf("://");
        if (scheme <= 0 || text.chars().anyMatch(Character::isWhitespace)) {
            return text;
        }
        String path = text.substring(scheme + 3).replaceAll("[?#].*$", "");
        int slash = path.lastIndexOf('/');
        String segment = slash < 0 ? path : path.substring(slash + 1);
        int dot = segment.lastIndexOf('.');
        segment = dot > 0 ? segment.substring(0, dot) : segment;
        return segment.isEmpty() ? text : segment;
    }
}
