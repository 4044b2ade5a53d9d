package io.github.t3chat4j.domain.chat;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;

/**
 * The per-send settings that reach the request body: reasoning effort, web search, the system prompt
 * ({@code preferences.additionalInfo}), time zone and locale. Immutable; use the {@code with…} methods.
 */
public record ChatSettings(
        ReasoningEffort reasoningEffort, boolean search, String systemPrompt, String timezone, String locale) {

    public static final String DEFAULT_TIMEZONE = "America/New_York";
    public static final String DEFAULT_LOCALE = "en-US";

    public ChatSettings {
        requireNonNull(reasoningEffort, "reasoningEffort == null");
        requireNonNull(systemPrompt, "systemPrompt == null");
        requireNonNull(timezone, "timezone == null");
        requireNonNull(locale, "locale == null");
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

    /** Low effort, no search, no system prompt, {@code America/New_York}, {@code en-US}: the protocol's defaults. */
    public static ChatSettings defaults() {
        return new ChatSettings(ReasoningEffort.LOW, false, "", DEFAULT_TIMEZONE, DEFAULT_LOCALE);
    }

    public ChatSettings withReasoningEffort(ReasoningEffort effort) {
        return new ChatSettings(effort, search, systemPrompt, timezone, locale);
    }

    public ChatSettings withSearch(boolean enabled) {
        return new ChatSettings(reasoningEffort, enabled, systemPrompt, timezone, locale);
    }

    public ChatSettings withSystemPrompt(String prompt) {
        return new ChatSettings(reasoningEffort, search, prompt, timezone, locale);
    }

    public ChatSettings withTimezone(String zone) {
        return new ChatSettings(reasoningEffort, search, systemPrompt, zone, locale);
    }

    public ChatSettings withLocale(String tag) {
        return new ChatSettings(reasoningEffort, search, systemPrompt, timezone, tag);
    }
}
