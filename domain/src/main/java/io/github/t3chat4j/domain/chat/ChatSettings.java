package io.github.t3chat4j.domain.chat;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The per-send settings that reach the request body: reasoning effort, web search, the system prompt
 * ({@code preferences.additionalInfo}), time zone and locale. Immutable: start from {@link #defaults()}
 * and change with the {@code with…} methods, which return copies (a new setting is a new method, never a
 * broken caller). A time zone or locale that cannot work is refused with an
 * {@link IllegalArgumentException}.
 */
public final class ChatSettings {

    /** The protocol's default time zone. */
    public static final String DEFAULT_TIMEZONE = "America/New_York";
    /** The protocol's default locale. */
    public static final String DEFAULT_LOCALE = "en-US";

    private static final ChatSettings DEFAULTS = new ChatSettings(ReasoningEffort.LOW, false, "", DEFAULT_TIMEZONE,
            DEFAULT_LOCALE);

    private final ReasoningEffort reasoningEffort;
    private final boolean search;
    private final String systemPrompt;
    private final String timezone;
    private final String locale;

    private ChatSettings(ReasoningEffort reasoningEffort, boolean search, String systemPrompt, String timezone,
            String locale) {
        this.reasoningEffort = requireNonNull(reasoningEffort, "reasoningEffort == null");
        this.search = search;
        this.systemPrompt = requireNonNull(systemPrompt, "systemPrompt == null");
        this.timezone = requireNonNull(timezone, "timezone == null");
        this.locale = requireNonNull(locale, "locale == null");
        if (timezone.isBlank()) {
            throw new IllegalArgumentException("The time zone cannot be blank (for example America/New_York).");
        }
        try {
            ZoneId.of(timezone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unknown time zone '" + timezone + "' (for example Europe/Berlin).");
        }
        if (locale.isBlank()) {
            throw new IllegalArgumentException("The locale cannot be blank (for example en-US).");
        }
    }

    /**
     * Low effort, no search, no system prompt, {@code America/New_York}, {@code en-US}: the protocol's defaults.
     *
     * @return the defaults
     */
    public static ChatSettings defaults() {
        return DEFAULTS;
    }

    /** @return how hard the model thinks */
    public ReasoningEffort reasoningEffort() {
        return reasoningEffort;
    }

    /** @return whether t3.chat searches the web for the reply */
    public boolean search() {
        return search;
    }

    /** @return the system prompt ({@code ""} for none) */
    public String systemPrompt() {
        return systemPrompt;
    }

    /** @return the user's time zone, such as {@code Europe/Berlin} */
    public String timezone() {
        return timezone;
    }

    /** @return the user's locale, such as {@code de-DE} */
    public String locale() {
        return locale;
    }

    /**
     * @param effort how hard the model thinks
     * @return a copy with this effort
     */
    public ChatSettings withReasoningEffort(ReasoningEffort effort) {
        return new ChatSettings(effort, search, systemPrompt, timezone, locale);
    }

    /**
     * @param enabled whether t3.chat searches the web for the reply
     * @return a copy that searches, or not
     */
    public ChatSettings withSearch(boolean enabled) {
        return new ChatSettings(reasoningEffort, enabled, systemPrompt, timezone, locale);
    }

    /**
     * @param prompt the system prompt ({@code ""} for none)
     * @return a copy with this prompt
     */
    public ChatSettings withSystemPrompt(String prompt) {
        return new ChatSettings(reasoningEffort, search, prompt, timezone, locale);
    }

    /**
     * @param zone a time zone id, such as {@code Europe/Berlin}
     * @return a copy in this time zone
     * @throws IllegalArgumentException when it is no time zone
     */
    public ChatSettings withTimezone(String zone) {
        return new ChatSettings(reasoningEffort, search, systemPrompt, zone, locale);
    }

    /**
     * @param tag a locale, such as {@code de-DE}
     * @return a copy with this locale
     * @throws IllegalArgumentException when it is blank
     */
    public ChatSettings withLocale(String tag) {
        return new ChatSettings(reasoningEffort, search, systemPrompt, timezone, tag);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatSettings other && other.reasoningEffort == reasoningEffort && other.search == search
                && other.systemPrompt.equals(systemPrompt) && other.timezone.equals(timezone)
                && other.locale.equals(locale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reasoningEffort, search, systemPrompt, timezone, locale);
    }

    /** The settings, the system prompt by its length only. */
    @Override
    public String toString() {
        return "ChatSettings[reasoningEffort=" + reasoningEffort + ", search=" + search + ", systemPrompt="
                + systemPrompt.length() + " chars, timezone=" + timezone + ", locale=" + locale + "]";
    }
}
