package io.github.t3chat4j.application.error;

/** What the caller asked for cannot be done as given (an unknown model, a bad URL, a missing value). */
public class InvalidInputException extends T3ChatException {

    public InvalidInputException(String message) {
        super(message);
    }
}
