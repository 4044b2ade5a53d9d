package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The effective configuration of one run, and where each value came from. Built by
 * {@link ConfigResolver}; {@link #toString()} is redacted. Every key declares its {@link TrustClass} in
 * {@link #TRUST}; commands read the {@link TrustClass#PREFERENCE preferences} ({@link #get}),
 * and only the {@link TrustBoundary} reads the rest ({@link #guarded}), after judging where they came from.
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
    static final String ANTHROPIC_MODELS = "T3_ANTHROPIC_MODELS";
    /** {@code java}, {@code curl} or {@code browser}: the only transport tried (no fallback past the checkpoint). */
    static final String TRANSPORT = "T3_TRANSPORT";
    static final String CURL = "T3_CURL";
    /** The browser of the browser transport: {@code chrome}, {@code chromium}, {@code edge}, {@code brave} or a path. */
    static final String BROWSER = "T3_BROWSER";
    /** {@code true}: a send refused for want of the user's own provider key is sent once more at low effort. */
    static final String ALLOW_LOWER_EFFORT = "T3_ALLOW_LOWER_EFFORT";
    /** The {@code x-client-context} to send; {@code none} for none. */
    static final String CLIENT_CONTEXT = "T3_CLIENT_CONTEXT";
    /**
     * The transport that got through t3.chat's checkpoint, per site ({@link RememberedTransports}): written by
     * {@code t3} after a fallback, read from the config file only.
     */
    static final String REMEMBERED_TRANSPORTS = RememberedTransports.KEY;
    static final String PROXY = "T3_PROXY";
    static final String CONNECT_TIMEOUT = "T3_CONNECT_TIMEOUT";
    static final String FIRST_BYTE_TIMEOUT = "T3_FIRST_BYTE_TIMEOUT";
    static final String IDLE_TIMEOUT = "T3_IDLE_TIMEOUT";
    static final String TIMEOUT = "T3_TIMEOUT";
    static final String MAX_REPLY_SIZE = "T3_MAX_REPLY_SIZE";

    /** The origin a stored login was made for; the stored credentials are sent nowhere else. */
    static final String LOGIN_ORIGIN = "T3_LOGIN_ORIGIN";
    /** The folders whose {@code .env} the user trusts like the environment ({@code t3 config trust}). */
    static final String TRUSTED_FOLDERS = "T3_TRUSTED_FOLDERS";
    /** {@code off} runs every command in a JVM of its own instead of the warm process (read by the launcher). */
    static final String DAEMON = "T3_DAEMON";
    /** How long the warm process waits for the next run before it exits (read by the launcher). */
    static final String DAEMON_IDLE = "T3_DAEMON_IDLE";

    /**
     * Every key with its trust class, in the order {@code t3 config} shows them: a new key is one line
     * here (and {@code SettingsTest} fails for a key constant missing from it).
     */
    static final Map<String, TrustClass> TRUST = table(
            Map.entry(COOKIES, TrustClass.CREDENTIAL),
            Map.entry(CONVEX_SESSION_ID, TrustClass.CREDENTIAL),
            Map.entry(MODEL, TrustClass.PREFERENCE),
            Map.entry(SYSTEM_PROMPT, TrustClass.PREFERENCE),
            Map.entry(TIMEZONE, TrustClass.PREFERENCE),
            Map.entry(LOCALE, TrustClass.PREFERENCE),
            Map.entry(BASE_URL, TrustClass.DESTINATION),
            Map.entry(USER_AGENT, TrustClass.PREFERENCE),
            Map.entry(TRACK_CREDITS, TrustClass.PREFERENCE),
            Map.entry(GATEWAY_KEY, TrustClass.GATEWAY_KEY),
            Map.entry(COOKIES_FROM_BROWSER, TrustClass.BROWSER_SOURCE),
            Map.entry(RENDER, TrustClass.PREFERENCE),
            Map.entry(ANTHROPIC_MODELS, TrustClass.PREFERENCE),
            Map.entry(TRANSPORT, TrustClass.PROGRAM),
            Map.entry(CURL, TrustClass.PROGRAM),
            Map.entry(BROWSER, TrustClass.PROGRAM),
            Map.entry(PROXY, TrustClass.DESTINATION),
            Map.entry(CONNECT_TIMEOUT, TrustClass.PREFERENCE),
            Map.entry(FIRST_BYTE_TIMEOUT, TrustClass.PREFERENCE),
            Map.entry(IDLE_TIMEOUT, TrustClass.PREFERENCE),
            Map.entry(TIMEOUT, TrustClass.PREFERENCE),
            Map.entry(MAX_REPLY_SIZE, TrustClass.PREFERENCE),
            Map.entry(CLIENT_CONTEXT, TrustClass.PREFERENCE),
            Map.entry(ALLOW_LOWER_EFFORT, TrustClass.PREFERENCE),
            Map.entry(LOGIN_ORIGIN, TrustClass.STORED_ONLY),
            Map.entry(TRUSTED_FOLDERS, TrustClass.STORED_ONLY),
            Map.entry(REMEMBERED_TRANSPORTS, TrustClass.STORED_ONLY),
            Map.entry(DAEMON, TrustClass.USER_ONLY),
            Map.entry(DAEMON_IDLE, TrustClass.USER_ONLY));

    /** Every key, in the order {@code t3 config} shows them. */
    static final List<String> KEYS = List.copyOf(TRUST.keySet());

    /** Keys whose values are never shown whole. */
    static final List<String> SECRET_KEYS = List.of(COOKIES, CONVEX_SESSION_ID, GATEWAY_KEY);

    /** The trust class of {@code key}; every key has one. */
    static TrustClass trustOf(String key) {
        TrustClass trust = TRUST.get(key);
        if (trust == null) {
            throw new IllegalArgumentException("Unknown setting " + key);
        }
        return trust;
    }

    @SafeVarargs
    private static Map<String, TrustClass> table(Map.Entry<String, TrustClass>... entries) {
        Map<String, TrustClass> table = new LinkedHashMap<>();
        for (Map.Entry<String, TrustClass> entry : entries) {
            if (table.put(entry.getKey(), entry.getValue()) != null) {
                throw new IllegalStateException("Setting " + entry.getKey() + " is classified twice");
            }
        }
        return Collections.unmodifiableMap(table);
    }

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

    private final Map<String, Value> values;
    private final List<Value> layers;
    private final Path folder;

    /**
     * The settings {@code layers} make (each key's value from every source that sets it; the highest
     * {@link Source} wins), resolved in the working folder {@code folder} (where a {@code .env} is read).
     */
    Settings(List<Value> layers, Path folder) {
        this.layers = List.copyOf(requireNonNull(layers, "layers == null"));
        this.folder = requireNonNull(folder, "folder == null");
        Map<String, Value> winners = new HashMap<>();
        for (Value value : this.layers) {
            winners.merge(value.key(), value, (a, b) -> a.source().compareTo(b.source()) <= 0 ? a : b);
        }
        this.values = Map.copyOf(winners);
    }

    /** A preference ({@link TrustClass#PREFERENCE}); any other key is read through the {@link TrustBoundary}. */
    Optional<String> get(String key) {
        if (trustOf(key) != TrustClass.PREFERENCE) {
            throw new IllegalArgumentException(key + " decides where credentials go or what runs: only the"
                    + " TrustBoundary reads it");
        }
        return Optional.ofNullable(values.get(key)).map(Value::value);
    }

    /** Any setting with its source, for the {@link TrustBoundary} alone (an ArchUnit rule holds that). */
    Optional<Value> guarded(String key) {
        trustOf(key);
        return Optional.ofNullable(values.get(key));
    }

    /**
     * The value {@code source} itself gives {@code key}, whether or not it wins; for the {@link TrustBoundary}
     * alone (credentials are taken from one source together).
     */
    Optional<Value> guarded(String key, Source source) {
        trustOf(key);
        return layers.stream().filter(v -> v.key().equals(key) && v.source() == source).findFirst();
    }

    /** Every value set, in {@link #KEYS} order, for {@code t3 config} to show ({@link Value#display()}). */
    List<Value> forDisplay() {
        return KEYS.stream().map(values::get).filter(Objects::nonNull).toList();
    }

    /** The working folder these settings were resolved in; its {@code .env} is one of their sources. */
    Path folder() {
        return folder;
    }

    /** The model: {@code T3_MODEL}, else the default model. */
    ModelId model() {
        return get(MODEL).map(ModelId::of).orElse(ModelId.DEFAULT);
    }

    /**
     * {@code T3_ANTHROPIC_MODELS}: the gateway's rules for Anthropic model ids, {@code FROM=TO} pairs
     * separated by commas (in order; a later rule for the same FROM wins).
     */
    List<String> anthropicModels() {
        return get(ANTHROPIC_MODELS).stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip).filter(rule -> !rule.isEmpty()).toList();
    }

    /** Whether {@code T3_ALLOW_LOWER_EFFORT} lets a send refused for want of the user's own key go at low effort. */
    boolean allowLowerEffort() {
        return get(ALLOW_LOWER_EFFORT).map(v -> v.strip().equalsIgnoreCase("true") || v.strip().equals("1")
                || v.strip().equalsIgnoreCase("yes")).orElse(false);
    }

    /** The deadlines and size limit of this run's requests. */
    Deadlines deadlines() {
        return new Deadlines(get(CONNECT_TIMEOUT).map(v -> Deadlines.duration(CONNECT_TIMEOUT, v)),
                get(FIRST_BYTE_TIMEOUT).map(v -> Deadlines.duration(FIRST_BYTE_TIMEOUT, v)),
                get(IDLE_TIMEOUT).map(v -> Deadlines.duration(IDLE_TIMEOUT, v)),
                get(TIMEOUT).map(v -> Deadlines.duration(TIMEOUT, v)),
                get(MAX_REPLY_SIZE).map(v -> Deadlines.size(MAX_REPLY_SIZE, v)));
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
