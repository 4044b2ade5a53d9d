package io.github.t3chat4j.domain.session;

/** Rules shared by the secret values a user pastes. */
final class Secrets {

    private Secrets() {
    }

    /** Trims white space and one pair of surrounding double or single quotes, as users often paste them. */
    static String stripQuotes(String raw) {
        String value = raw.strip();
        while (value.length() >= 2
                && ((value.startsWith("\"") && value.endsWith("\""))
                        || (value.startsWith("'") && value.endsWith("'")))) {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value;
    }
}
