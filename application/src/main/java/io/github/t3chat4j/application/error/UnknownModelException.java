package io.github.t3chat4j.application.error;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ModelId;
import java.util.Optional;

/**
 * The model id is not in t3.chat's catalogue. {@link #suggestion()} is the closest id when one is close
 * enough to be a typo, so a caller can word its own "did you mean" (the gateway answers 404 with it).
 */
public class UnknownModelException extends InvalidInputException {

    private final String requestedId;
    private final transient ModelId suggestion;

    public UnknownModelException(String requestedId, ModelId suggestion) {
        super("Unknown model '" + requireNonNull(requestedId, "requestedId == null") + "'."
                + (suggestion != null ? " Did you mean '" + suggestion.value() + "'?" : ""),
                suggestion != null ? null : Remedy.MODEL_ID);
        this.requestedId = requestedId;
        this.suggestion = suggestion;
    }

    /** The id as it was asked for. */
    public String requestedId() {
        return requestedId;
    }

    /** The closest catalogue id, when one is close enough to be a typo. */
    public Optional<ModelId> suggestion() {
        return Optional.ofNullable(suggestion);
    }
}
