package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration of one run, and where each value came from. Built by
 * {@link ConfigResolver}; {@link #toString()} is redacted.
 */
final class Settings {

    /** The stored cookie string; the storage adapter writes a rotated one back under this key. */
    static final String COOKIES = "COOKIES";
    static final String CONVEX_SESSION_ID = "CONVEX_SESSION_ID";
    static final String MODEL = "T3_MODEL";
    static final String SYSTEM_PROMPT = "T3_SYSTEM_PROMPT";
    static final String TIMEZONE = "T3_TIMEZONE";
    static final String LOCALE = "T3_LOCALE";
    static final String BASE_URL = "T3_BASE_URL";
    static final String USER_AGENT = "T3_USER_AGENT";
    static final String TRACK_CREDITS = "T3_TRACK_CREDITS";
    /** The key clients of {@code t3 serve} present; made and stored on its first start when not set. */
    static final String GATEWAY_KEY = "T3_GATEWAY_KEY";
    /** {@code BROWSER[:PROFILE]}: read the credentials from that browser at every run instead of storing them. */
    static final String COOKIES_FROM_BROWSER = "T3_COOKIES_FROM_BROWSER";
    /** {@code false} turns Markdown rendering of replies off (as {@code --no-render} does). */
    static final String RENDER = "T3_RENDER";
    static final String TRANSPORT = "T3_TRANSPORT";
    static final String CURL = "T3_CURL";
    static final String PROXY = "T3_PROXY";
    static final String CONNECT_TIMEOUT = "T3_CONNECT_TIMEOUT";
    static final String FIRST_BYTE_TIMEOUT = "T3_FIRST_BYTE_TIMEOUT";
    static final String IDLE_TIMEOUT = "T3_IDLE_TIMEOUT";
    static final String TIMEOUT = "T3_TIMEOUT";
    static final String MAX_REPLY_SIZE = "T3_MAX_REPLY_SIZE";

    /** The origin a stored login was made for; the stored credentials are sent nowhere else. */
    static final String LOGIN_ORIGIN = "T3_LOGIN_ORIGIN";
    /** {@code off} runs every command in a JVM of its own instead of the warm process (read by the launcher). */
    static final String DAEMON = "T3_DAEMON";
    /** How long the warm process waits for the next run before it exits (read by the launcher). */
    static final String DAEMON_IDLE = "T3_DAEMON_IDLE";

    /** Every key, in the order {@code t3 config} shows them. */
    static final List<String> KEYS = List.of(COOKIES, CONVEX_SESSION_ID, MODEL, SYSTEM_PROMPT, TIMEZONE, LOCALE,
            BASE_URL, USER_AGENT, TRACK_CREDITS, GATEWAY_KEY, COOKIES_FROM_BROWSER, RENDER, TRANSPORT, CURL, PROXY,
            CONNECT_TIMEOUT, FIRST_BYTE_TIMEOUT, IDLE_TIMEOUT, TIMEOUT, MAX_REPLY_SIZE, LOGIN_ORIGIN, DAEMON,
            DAEMON_IDLE);

    /**
     * Keys a folder's {@code .env} cannot set: where and how the user's runs are served is the user's
     * choice (environment or config file), not the folder's; the launcher reads them before any {@code .env}.
     */
    static final List<String> NOT_FROM_DOTENV = List.of(DAEMON, DAEMON_IDLE);

    /** Keys whose values are never shown whole. */
    static final List<String> SECRET_KEYS = List.of(COOKIES, CONVEX_SESSION_ID, GATEWAY_KEY);

    /** Where a value came from, highest precedence first. */
    enum Source {
        FLAG("command-line flag"),
        ENVIRONMENT("environment"),
        DOTENV(".env file"),
        CONFIG_FILE("config file");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** One effective value. */
    record Value(String key, String value, Source source) {
        Value {
            requireNonNull(key, "key == null");
            requireNonNull(value, "value == null");
            requireNonNull(source, "source == null");
        }

        /** The value as {@code t3 config} shows it: secrets masked. */
        String display() {
            if (key.equals(PROXY)) {
                return NetworkSettings.withoutCredentials(value);
            }
            return SECRET_KEYS.contains(key) ? mask(value) : value;
        }

        @Override
        public String toString() {
            return key + "=" + display() + " [" + source.label() + "]";
        }
    }

    /** No values at all. */
    static final Settings EMPTY = new Settings(Map.of());

    private final Map<String, Value> values;

    Settings(Map<String, Value> values) {
        this.values = Map.copyOf(new LinkedHashMap<>(requireNonNull(values, "values == null")));
    }

    Optional<String> get(String key) {
        return value(key).map(Value::value);
    }

    Optional<Value> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The model: {@code T3_MODEL}, else the default model. */
    ModelId model() {
        return get(MODEL).map(ModelId::of).orElse(ModelId.DEFAULT);
    }

    /** How requests reach t3.chat: {@code T3_TRANSPORT}, {@code T3_CURL} and {@code T3_PROXY}. */
    NetworkSettings network() {
        return new NetworkSettings(get(TRANSPORT).orElse(""), get(CURL).orElse(""), get(PROXY).orElse(""),
                new Deadlines(get(CONNECT_TIMEOUT).map(v -> Deadlines.duration(CONNECT_TIMEOUT, v)),
                        get(FIRST_BYTE_TIMEOUT).map(v -> Deadlines.duration(FIRST_BYTE_TIMEOUT, v)),
                        get(IDLE_TIMEOUT).map(v -> Deadlines.duration(IDLE_TIMEOUT, v)),
                        get(TIMEOUT).map(v -> Deadlines.duration(TIMEOUT, v)),
                        get(MAX_REPLY_SIZE).map(v -> Deadlines.size(MAX_REPLY_SIZE, v))));
    }

    /** Default chat settings with the configured system prompt, time zone and locale applied. */
    ChatSettings chatSettings() {
        ChatSettings settings = ChatSettings.defaults();
        settings = settings.withSystemPrompt(get(SYSTEM_PROMPT).orElse(""));
        if (get(TIMEZONE).isPresent()) {
            settings = settings.withTimezone(get(TIMEZONE).get());
        }
        if (get(LOCALE).isPresent()) {
            settings = settings.withLocale(get(LOCALE).get());
        }
        return settings;
    }

    /**
     * A secret shown by its first few characters and its length, e.g. {@code wos-se…(412 chars)}; short
     * values show nothing of themselves.
     */
    static String mask(String secret) {
        // Only the start of a cookie's name is shown (for recognition); never a value or an id.
        int nameEnd = secret.indexOf('=');
        int shown = nameEnd <= 0 ? 0 : Math.min(Math.min(6, nameEnd), secret.length() / 4);
        return secret.substring(0, shown) + "…(" + secret.length() + " chars)";
    }

    @Override
    public String toString() {
        return "Settings" + KEYS.stream().map(values::get).filter(v -> v != null).map(Value::toString).toList();
    }
}
