package io.github.t3chat4j.adapter.mcp;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The secrets of this server (the t3.chat cookie's values, the convex session id, the HTTP key), blanked
 * out of every text it sends a host: a second line of defence behind the library, whose messages hold
 * none. {@link #toString()} shows none of them.
 */
final class Secrets {

    /** Shorter strings are too likely to be ordinary words to be blanked out. */
    private static final int MIN_LENGTH = 8;
    private static final String MASK = "[redacted]";

    private final List<String> values;

    Secrets(Collection<String> values) {
        this.values = values.stream().filter(v -> v != null && v.strip().length() >= MIN_LENGTH).map(String::strip)
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** {@code text} with every secret replaced by {@code [redacted]}. */
    String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : values) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Secrets[" + values.size() + " redacted]";
    }
}
