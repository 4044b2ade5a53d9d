package io.github.t3chat4j.adapter.openai.internal.emulation;

import static java.util.Objects.requireNonNull;

/**
 * Why an emulated turn cannot be answered. {@link Kind#BAD_REQUEST}: the client's tools, choice or
 * schema cannot be used (a 400 on every wire). {@link Kind#INVALID_TOOL_CALL} and
 * {@link Kind#INVALID_STRUCTURED_OUTPUT}: the model's reply was still unusable after the one corrective
 * retry (the wire reports an upstream error, never a success with garbage). The message is written for
 * the client: it names the tool or the schema problem, never a secret.
 */
public final class EmulationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind { BAD_REQUEST, INVALID_TOOL_CALL, INVALID_STRUCTURED_OUTPUT }

    /** Which part of a request a bad request is about, for the wire to name its own field. */
    public enum Subject { TOOLS, TOOL_CHOICE, TURNS, FORMAT, NONE }

    private final Kind kind;
    private final Subject subject;

    public EmulationException(Kind kind, String message) {
        this(kind, Subject.NONE, message);
    }

    private EmulationException(Kind kind, Subject subject, String message) {
        super(requireNonNull(message, "message == null"), null, false, false);
        this.kind = requireNonNull(kind, "kind == null");
        this.subject = requireNonNull(subject, "subject == null");
    }

    static EmulationException badRequest(Subject subject, String message) {
        return new EmulationException(Kind.BAD_REQUEST, subject, message);
    }

    public Kind kind() {
        return kind;
    }

    /** What a {@link Kind#BAD_REQUEST} is about; {@link Subject#NONE} for the other kinds. */
    public Subject subject() {
        return subject;
    }
}
