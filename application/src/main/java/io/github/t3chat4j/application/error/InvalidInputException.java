package io.github.t3chat4j.application.error;

import java.util.function.Supplier;

/** What the caller asked for cannot be done as given (an unknown model, a bad URL, a missing value). */
public class InvalidInputException extends T3ChatException {

    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * What {@code build} returns, or this exception with the message of the
     * {@link IllegalArgumentException} it threw (how domain values refuse bad input).
     */
    public static <T> T whenInvalid(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
