package io.github.t3chat4j.application.error;

import java.util.function.Supplier;

/** What the caller asked for cannot be done as given (an unknown model, a bad URL, a missing value). */
public class InvalidInputException extends T3ChatException {

    /**
     * @param message what is wrong with the input, and what would do
     */
    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * @param detail what is wrong with the input
     * @param remedy what to change
     */
    public InvalidInputException(String detail, Remedy remedy) {
        super(detail, remedy);
    }

    /**
     * What {@code build} returns, or this exception with the message of the
     * {@link IllegalArgumentException} it threw (how domain values refuse bad input).
     *
     * @param build makes a value
     * @param <T> the value's type
     * @return the value
     */
    public static <T> T whenInvalid(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
