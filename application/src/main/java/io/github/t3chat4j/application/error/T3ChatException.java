package io.github.t3chat4j.application.error;

import java.util.Optional;

/**
 * The root of every failure t3chat4j reports, bad input included. Unchecked: callers catch it where they
 * can act. {@link #getMessage()} is one or two sentences saying what went wrong ({@link #detail()}) and,
 * when something can be changed, what ({@link #remedy()}'s advice, naming the API's settings); it never
 * holds a secret.
 */
public class T3ChatException extends RuntimeException {

    private final String detail;
    private final transient Remedy remedy;

    /**
     * @param message what went wrong, and what to do when that needs no {@link Remedy}
     */
    public T3ChatException(String message) {
        this(message, null, null);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public T3ChatException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * @param detail what went wrong
     * @param remedy what to change, or null
     */
    public T3ChatException(String detail, Remedy remedy) {
        this(detail, remedy, null);
    }

    /**
     * @param detail what went wrong
     * @param remedy what to change, or null
     * @param cause the underlying failure, or null
     */
    public T3ChatException(String detail, Remedy remedy, Throwable cause) {
        super(detail, cause);
        this.detail = detail;
        this.remedy = remedy;
    }

    /** @return what went wrong and, when something can be changed, what ({@link #remedy()}'s advice) */
    @Override
    public String getMessage() {
        return remedy().map(r -> detail + " " + r.advice()).orElse(detail);
    }

    /** @return what went wrong, without the advice of {@link #remedy()} */
    public String detail() {
        return detail;
    }

    /**
     * What to change so that this does not happen again: this exception's own, else its cause's.
     *
     * @return the remedy, if one is known
     */
    public Optional<Remedy> remedy() {
        if (remedy != null) {
            return Optional.of(remedy);
        }
        return getCause() instanceof T3ChatException cause ? cause.remedy() : Optional.empty();
    }

    /**
     * The detail of {@code cause} when it is one of these (without its advice), else its message.
     *
     * @param cause a failure, or null
     * @return what it says went wrong, or "" for none
     */
    protected static String detailOf(Throwable cause) {
        if (cause == null) {
            return "";
        }
        String detail = cause instanceof T3ChatException failure ? failure.detail()
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return detail.endsWith(".") ? detail.substring(0, detail.length() - 1) : detail;
    }
}
