package io.github.t3chat4j.application.error;

import java.util.Optional;

/**
 * t3.chat answered {@code api_key_required}: this model at this reasoning effort needs the user's own
 * provider key ("bring your own key" in t3.chat's settings). Nothing was sent to the model; a lower effort
 * or another model may work.
 */
public class ApiKeyRequiredException extends T3ChatException {

    private final String model;
    private final String effort;

    /** Not knowing which request it was (the transport reports it before the chat names it). */
    public ApiKeyRequiredException() {
        this(null, null);
    }

    /**
     * @param model the model asked for, such as {@code claude-4.6-opus}, or null when not known
     * @param effort the reasoning effort asked for, such as {@code high}, or null when not known
     */
    public ApiKeyRequiredException(String model, String effort) {
        super((model == null ? "This model" : model + (effort == null ? "" : " at " + effort + " reasoning effort"))
                + " needs your own provider key on t3.chat (api_key_required).", Remedy.OWN_KEY);
        this.model = model;
        this.effort = effort;
    }

    /** @return the model asked for, when known */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** @return the reasoning effort asked for, when known */
    public Optional<String> effort() {
        return Optional.ofNullable(effort);
    }
}
