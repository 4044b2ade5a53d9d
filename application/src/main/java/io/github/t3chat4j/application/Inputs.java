package io.github.t3chat4j.application;

import io.github.t3chat4j.application.error.InvalidInputException;
import java.time.Duration;
import java.util.function.Supplier;

/** Checks of arguments at the public API: a bad one is an {@link InvalidInputException} naming it. */
final class Inputs {

    private Inputs() {
    }

    static <T> T required(T value, String name) {
        if (value == null) {
            throw new InvalidInputException(name + " is required (it was null).");
        }
        return value;
    }

    static Duration positive(Duration value, String name) {
        required(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidInputException(name + " must be positive, not " + value + ".");
        }
        return value;
    }

    static int notNegative(int value, String name) {
        if (value < 0) {
            throw new InvalidInputException(name + " cannot be negative (it was " + value + ").");
        }
        return value;
    }

    /** {@code make}'s value; an {@link IllegalArgumentException} it throws becomes an {@link InvalidInputException}. */
    static <T> T valid(Supplier<T> make) {
        return InvalidInputException.whenInvalid(make);
    }
}
