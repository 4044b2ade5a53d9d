package io.github.t3chat4j.application;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The options of one send, or the defaults of a {@link Chat} or a {@link T3Client}: the model, the
 * settings that reach the request body ({@link ChatSettings}: reasoning effort, web search, system
 * prompt, time zone, locale), how long the whole reply may take, and how often a refusal before the reply
 * began (429, 502, 503, 504) is retried. Immutable: start from {@link #defaults()} and change with the
 * {@code with…} methods, which return copies; nothing here changes a client.
 *
 * <pre>{@code
 * ChatOptions careful = ChatOptions.defaults().withModel("claude-4-sonnet")
 *         .withReasoningEffort(ReasoningEffort.HIGH).withTimeout(Duration.ofMinutes(2));
 * chat.send("Is 1001 prime?", careful);
 * }</pre>
 */
public final class ChatOptions {

    private static final ChatOptions DEFAULTS = new ChatOptions(ModelId.DEFAULT, ChatSettings.defaults(), null, -1);

    private final ModelId model;
    private final ChatSettings settings;
    private final Duration timeout;
    private final int retries;

    private ChatOptions(ModelId model, ChatSettings settings, Duration timeout, int retries) {
        this.model = model;
        this.settings = settings;
        this.timeout = timeout;
        this.retries = retries;
    }

    /**
     * The model {@code gemini-2.5-flash-lite}, {@link ChatSettings#defaults()}, and the transport's own
     * deadline and retries (for the HTTP adapters, those of {@code HttpConfig}).
     *
     * @return the defaults
     */
    public static ChatOptions defaults() {
        return DEFAULTS;
    }

    /** @return the model to answer with */
    public ModelId model() {
        return model;
    }

    /** @return the settings that reach the request body */
    public ChatSettings settings() {
        return settings;
    }

    /** @return how long the whole reply may take, when set; else the transport's own limit */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return how often a refusal before the reply began is retried, when set; else the transport's own bound */
    public OptionalInt retries() {
        return retries < 0 ? OptionalInt.empty() : OptionalInt.of(retries);
    }

    /**
     * @param value the model
     * @return a copy with this model
     * @throws io.github.t3chat4j.application.error.InvalidInputException when {@code value} is null
     */
    public ChatOptions withModel(ModelId value) {
        return new ChatOptions(Inputs.required(value, "model"), settings, timeout, retries);
    }

    /**
     * @param value a model id such as {@code claude-4-sonnet}
     * @return a copy with this model
     * @throws io.github.t3chat4j.application.error.InvalidInputException when {@code value} is no model id
     */
    public ChatOptions withModel(String value) {
        return withModel(Inputs.valid(() -> ModelId.of(Inputs.required(value, "model"))));
    }

    /**
     * @param value the settings
     * @return a copy with these settings
     * @throws io.github.t3chat4j.application.error.InvalidInputException when {@code value} is null
     */
    public ChatOptions withSettings(ChatSettings value) {
        return new ChatOptions(model, Inputs.required(value, "settings"), timeout, retries);
    }

    /**
     * @param value how hard the model thinks
     * @return a copy whose settings have this reasoning effort
     */
    public ChatOptions withReasoningEffort(ReasoningEffort value) {
        return withSettings(settings.withReasoningEffort(Inputs.required(value, "reasoningEffort")));
    }

    /**
     * @param value whether t3.chat searches the web for the reply
     * @return a copy whose settings search, or not
     */
    public ChatOptions withSearch(boolean value) {
        return withSettings(settings.withSearch(value));
    }

    /**
     * @param value the system prompt ({@code ""} for none)
     * @return a copy whose settings have this system prompt
     */
    public ChatOptions withSystemPrompt(String value) {
        return withSettings(settings.withSystemPrompt(Inputs.required(value, "systemPrompt")));
    }

    /**
     * @param value how long the whole reply may take, from the request to its last event; positive
     * @return a copy with this deadline
     * @throws io.github.t3chat4j.application.error.InvalidInputException when {@code value} is not positive
     */
    public ChatOptions withTimeout(Duration value) {
        return new ChatOptions(model, settings, Inputs.positive(value, "timeout"), retries);
    }

    /**
     * How often a refusal before the reply began (429, 502, 503, 504, or a request that never left) is
     * retried. {@code 0} never retries: a 429 then comes out at once as a
     * {@link io.github.t3chat4j.application.error.RateLimitedException} carrying the server's
     * {@code Retry-After}, for a program (a gateway) that passes it on to its own caller.
     *
     * @param value the most retries; 0 for none
     * @return a copy with this bound
     * @throws io.github.t3chat4j.application.error.InvalidInputException when {@code value} is negative
     */
    public ChatOptions withRetries(int value) {
        return new ChatOptions(model, settings, timeout, Inputs.notNegative(value, "retries"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatOptions other && other.model.equals(model) && other.settings.equals(settings)
                && Objects.equals(other.timeout, timeout) && other.retries == retries;
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, settings, timeout, retries);
    }

    @Override
    public String toString() {
        return "ChatOptions[model=" + model.value() + ", " + settings + (timeout == null ? "" : ", timeout=" + timeout)
                + (retries < 0 ? "" : ", retries=" + retries) + "]";
    }
}
